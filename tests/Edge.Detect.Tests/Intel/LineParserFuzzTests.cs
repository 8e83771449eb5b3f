using System.Text;
using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Intel;

/// <summary>Property: whatever a line holds, the parser never throws, every name it takes is a
/// valid name and every prefix fits its family, and every rejection carries a reason.</summary>
public class LineParserFuzzTests
{
    private static readonly string[] s_seeds =
    [
        "evil.com\tphishing", "0.0.0.0 a.example b.example", "||ads.example^", "*.evil.com CNAME .",
        "10.0.0.0/8 cnc", "2001:db8::/32", "10.0.0.0/33", "::/129", "$ORIGIN rpz.example.", "@ SOA a. b. (",
        "a.example 300 IN CNAME rpz-drop.", "1.2.3.4 c.example", "example.com##.ad", "#comment", "x.y z w",
    ];

    [Fact]
    public void Mutated_lines_never_throw_and_are_always_classified()
    {
        var random = new Random(20240607);
        var sink = new CountingSink();
        var state = default(IntelParserState);
        long taken = 0, rejected = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var line = Mutate(random, Encoding.UTF8.GetBytes(s_seeds[random.Next(s_seeds.Length)]));
            sink.Reset();

            IntelLineParser.Parse(line, ref state, sink);

            Assert.True(sink.Rejections == 0 || sink.LastReason != IntelLineError.None);
            taken += sink.Taken;
            rejected += sink.Rejections;
        }

        Assert.True(taken > 1_000 && rejected > 10_000, $"taken {taken}, rejected {rejected}");
    }

    [Fact]
    public void Huge_and_odd_whitespace_lines_are_classified()
    {
        var sink = new CountingSink();
        var state = default(IntelParserState);

        IntelLineParser.Parse(new byte[IntelLineParser.MaxLineLength + 1], ref state, sink);
        Assert.Equal(IntelLineError.LineTooLong, sink.LastReason);

        sink.Reset();
        IntelLineParser.Parse("\v\f  evil.com \t\t  cnc \r"u8, ref state, sink);
        Assert.Equal(1, sink.Taken);

        sink.Reset();
        IntelLineParser.Parse(Encoding.ASCII.GetBytes(string.Join(' ', Enumerable.Repeat("a.example", 400))), ref state, sink);
        Assert.Equal(1, sink.Rejections);
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.Insert(at, (byte)random.Next(256)); break;
                case 2 when bytes.Count > 0: bytes.RemoveAt(at); break;
                case 3: bytes.InsertRange(at, Encoding.ASCII.GetBytes(new[] { " ", "\t", "/", ".", ":", "#", ";", "(", "*." }[random.Next(9)])); break;
                case 4: bytes.InsertRange(at, Enumerable.Repeat((byte)'a', random.Next(300))); break;
                default: bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(1000).ToString())); break;
            }
        }
        return [.. bytes];
    }

    private sealed class CountingSink : IIntelLineSink
    {
        public int Taken { get; private set; }

        public int Rejections { get; private set; }

        public IntelLineError LastReason { get; private set; }

        public void Reset() => (Taken, Rejections, LastReason) = (0, 0, IntelLineError.None);

        public void Domain(ReadOnlySpan<byte> name, ReadOnlySpan<byte> category)
        {
            Assert.Equal(IntelLineError.None, DomainName.Validate(name));
            Taken++;
        }

        public void Cidr(IpAddr network, int prefixLength, ReadOnlySpan<byte> category)
        {
            Assert.InRange(prefixLength, 0, network.IsIPv4 ? 32 : 128);
            Taken++;
        }

        public void RpzName(ReadOnlySpan<byte> name, IntelScope scope, IntelAction action)
        {
            Assert.Equal(IntelLineError.None, DomainName.Validate(name));
            Assert.True(Enum.IsDefined(action) && Enum.IsDefined(scope));
            Taken++;
        }

        public void RpzLocalData(ReadOnlySpan<byte> name, IntelScope scope, IpAddr address)
        {
            Assert.Equal(IntelLineError.None, DomainName.Validate(name));
            Assert.NotEqual(0, address.Family);
            Taken++;
        }

        public void Rejected(IntelLineError reason)
        {
            LastReason = reason;
            Rejections++;
        }
    }
}

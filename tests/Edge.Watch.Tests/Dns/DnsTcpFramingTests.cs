using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Xunit;

namespace Edge.Watch.Tests.Dns;

public class DnsTcpFramingTests
{
    private static byte[] Message(string name) =>
        new WireBuilder().Header(flags: 0x0100).Question(name, 1).ToArray();

    private static byte[] Framed(params byte[][] messages)
    {
        var b = new WireBuilder();
        foreach (var m in messages)
            b.U16((ushort)m.Length).Bytes(m);
        return b.ToArray();
    }

    [Fact]
    public void Whole_frame_is_read_and_consumed()
    {
        var message = Message("a.example");
        var stream = Framed(message);
        Assert.Equal(ParseStatus.Done, DnsTcpFraming.TryReadFrame(stream, out var frame, out var consumed));
        Assert.Equal(stream.Length, consumed);
        Assert.True(frame.SequenceEqual(message));
    }

    [Fact]
    public void Two_frames_split_at_every_offset_need_more_until_whole()
    {
        var first = Message("first.example");
        var second = Message("second.example.net");
        var stream = Framed(first, second);
        for (var split = 0; split <= stream.Length; split++)
        {
            // What a reassembler holds after the first segment, then after the rest arrives.
            var held = stream.AsSpan(0, split);
            var offset = 0;
            var names = new List<string?>();
            while (true)
            {
                var status = DnsTcpFraming.TryReadFrame(held[offset..], out var frame, out var consumed);
                if (status == ParseStatus.NeedMore)
                {
                    Assert.Equal(0, consumed);
                    break;
                }
                Assert.Equal(ParseStatus.Done, status);
                Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(frame, out var m, out _));
                names.Add(DnsTestText.Name(frame, m.QuestionNameOffset));
                offset += consumed;
            }
            var expected = split < 2 + first.Length ? 0 : split < stream.Length ? 1 : 2;
            Assert.Equal(expected, names.Count);
            if (names.Count > 0)
                Assert.Equal("first.example", names[0]);

            var rest = stream.AsSpan(offset);
            while (rest.Length > 0)
            {
                Assert.Equal(ParseStatus.Done, DnsTcpFraming.TryReadFrame(rest, out var frame, out var consumed));
                Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(frame, out var m, out _));
                names.Add(DnsTestText.Name(frame, m.QuestionNameOffset));
                rest = rest[consumed..];
            }
            Assert.Equal(["first.example", "second.example.net"], names);
        }
    }

    [Fact]
    public void Zero_length_frame_is_malformed()
    {
        Assert.Equal(ParseStatus.Malformed, DnsTcpFraming.TryReadFrame([0, 0, 1, 2], out _, out var consumed, out var error));
        Assert.Equal(0, consumed);
        Assert.Equal(DnsError.ZeroLengthTcpFrame, error);
        Assert.Equal(ParseStatus.Malformed, DnsTcpFraming.TryReadFrame([0, 0], out _, out _));
    }

    [Fact]
    public void Peek_reads_the_declared_length()
    {
        Assert.False(DnsTcpFraming.TryPeekLength([0x12], out _));
        Assert.True(DnsTcpFraming.TryPeekLength([0xFF, 0xFE], out var length));
        Assert.Equal(0xFFFE, length);
        Assert.Equal(ParseStatus.NeedMore, DnsTcpFraming.TryReadFrame([0xFF, 0xFE, 1, 2, 3], out _, out _));
    }
}

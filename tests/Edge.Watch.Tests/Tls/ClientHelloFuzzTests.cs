using System.Diagnostics;
using Edge.Watch.Decoding;
using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Tls;
using Xunit;

namespace Edge.Watch.Tests.Tls;

public sealed class ClientHelloFuzzTests
{
    [Fact]
    public void Bounded_mutation_fuzz_never_throws()
    {
        var seeds = new List<byte[]>();
        foreach (var stream in TcpClientStreams.Read(Corpus.Pcap("tls-sni")))
        {
            if (stream.Initiator && ClientHelloReader.LooksLikeHandshake(stream.Payload))
                seeds.Add(stream.Payload);
        }
        Assert.NotEmpty(seeds);
        seeds.Add(seeds[0].Length > 100 ? Split(seeds[0]) : seeds[0]);

        var random = new Random(20240611);
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        var ja3 = new byte[Ja3.MaxStringLength];
        var ja4 = new byte[Ja4.Length];
        var counts = new int[4];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 100_000; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], random);
            var status = ClientHelloReader.TryParse(input, scratch, out var hello, out var error);
            counts[(int)status]++;
            Assert.True(status == ParseStatus.Done == (error == TlsError.None) || status == ParseStatus.NeedMore);
            if (status == ParseStatus.Done)
            {
                Ja3.TryFormat(hello, ja3, out _);
                Assert.True(Ja4.TryFormat(hello, (byte)'t', ja4, out _));
                foreach (var name in hello.Alpn)
                    Assert.False(name.IsEmpty);
                foreach (var version in hello.SupportedVersions)
                    _ = version;
            }
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"fuzz took {clock.Elapsed}");
        Assert.True(counts[(int)ParseStatus.Done] > 0 && counts[(int)ParseStatus.Malformed] > 0, string.Join(',', counts));
    }

    // The seed's handshake message cut into 50-byte records, so fuzzing also walks the stitch path.
    private static byte[] Split(byte[] stream)
    {
        var fragmentLength = (stream[3] << 8) | stream[4];
        var message = stream.AsSpan(5, Math.Min(fragmentLength, stream.Length - 5)).ToArray();
        return ClientHelloBuilder.Records(message, 0x0301, [.. Enumerable.Repeat(50, message.Length / 50)]);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = (byte[])seed.Clone();
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(4))
            {
                case 0:
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                    break;
                case 1:
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    // Favour the length fields near the front.
                    data[random.Next(Math.Min(data.Length, 48))] = (byte)random.Next(256);
                    break;
                default:
                    data = data[..random.Next(data.Length)];
                    if (data.Length == 0)
                        return data;
                    break;
            }
        }
        return data;
    }
}

using System.Diagnostics;
using System.Text;
using Edge.Detect.Protocols;

namespace Edge.Detect.Tests.Protocols;

public sealed class MiningProtocolSnifferFuzzTests
{
    [Fact]
    public void Mutated_corpus_lines_and_random_bytes_never_throw_and_stay_fast()
    {
        var seeds = ClientPayloads.Read("mining").Select(p => p.Payload).ToArray();
        var random = new Random(20261125);
        var buffer = new byte[4096];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 50_000; i++)
        {
            var length = Mutate(seeds[random.Next(seeds.Length)], buffer, random);
            _ = MiningProtocolSniffer.Inspect(buffer.AsSpan(0, length), out var worker);
            Assert.InRange(worker.End.Value, 0, length);
        }
        for (var i = 0; i < 5_000; i++)
        {
            var length = random.Next(buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            _ = MiningProtocolSniffer.Inspect(buffer.AsSpan(0, length));
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{\"a\":")]
    [InlineData("\\")]
    [InlineData("{\"\":{")]
    public void Pathological_64KiB_inputs_finish_quickly(string unit)
    {
        var payload = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(unit, 65536 / unit.Length)));
        var watch = Stopwatch.StartNew();
        Assert.Equal(MiningMatch.None, MiningProtocolSniffer.Inspect(payload));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    private static int Mutate(byte[] seed, byte[] buffer, Random random)
    {
        var length = Math.Min(seed.Length, buffer.Length);
        seed.AsSpan(0, length).CopyTo(buffer);
        for (var edits = random.Next(1, 6); edits > 0 && length > 0; edits--)
        {
            var at = random.Next(length);
            switch (random.Next(4))
            {
                case 0:
                    buffer[at] = (byte)random.Next(256);
                    break;
                case 1:
                    buffer[at] = "{}[]\":,\\\n"u8[random.Next(9)];
                    break;
                case 2:
                    length = at;
                    break;
                default:
                    if (length < buffer.Length)
                    {
                        buffer.AsSpan(at, length - at).CopyTo(buffer.AsSpan(at + 1));
                        buffer[at] = (byte)'{';
                        length++;
                    }
                    break;
            }
        }
        return length;
    }
}

using Edge.Flashing.Framing;

namespace Edge.Flashing.Tests.Framing;

/// <summary>
/// Mutated real frames through the reader: it never throws, always makes progress, never accepts a
/// frame damaged by one flipped bit, and always finds the next good frame after garbage.
/// EDGE_FUZZ_ITERATIONS and EDGE_FUZZ_SEED override the CI-sized run.
/// </summary>
public class FrameFuzzTests
{
    private const int CiIterations = 20_000;

    [Fact]
    public void Mutated_frames_never_break_the_reader()
    {
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("EDGE_FUZZ_ITERATIONS"), out var i) ? i : CiIterations;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("EDGE_FUZZ_SEED"), out var s) ? s : 20260301;
        var random = new Random(seed);
        var samples = FrameSamples.All(random).ToArray();
        var sentinel = FrameSamples.Wire(FrameType.Ack, 0xC0FFEE, [1, 2, 3, 4, 5, 6, 7, 8]);
        var scratch = new byte[FrameLayout.MaxBodyLength];
        for (int n = 0; n < iterations; n++)
        {
            var original = samples[random.Next(samples.Length)];
            var (mutated, singleBitFlip) = Mutate(original, samples, random);
            byte[] input = [.. mutated, .. sentinel];
            bool sawSentinel = false;
            int at = 0;
            while (at < input.Length)
            {
                var status = FrameReader.TryReadFrame(input.AsSpan(at), scratch, out var frame, out int consumed, out _);
                Assert.InRange(consumed, 0, input.Length - at);
                if (status == FrameStatus.NeedMore)
                    break;
                Assert.True(consumed > 0, $"no progress; seed {seed} iteration {n}");
                if (status == FrameStatus.Complete)
                {
                    var reencoded = FrameSamples.Wire(frame.Type, frame.Sequence, frame.Payload);
                    sawSentinel = reencoded.AsSpan().SequenceEqual(sentinel);
                    if (singleBitFlip && !sawSentinel)
                        Assert.True(reencoded.AsSpan().SequenceEqual(original), $"a one-bit error was accepted; seed {seed} iteration {n}");
                }
                at += consumed;
            }
            Assert.True(sawSentinel, $"lost the frame after garbage; seed {seed} iteration {n}: {Convert.ToHexString(mutated)}");
        }
    }

    private static (byte[] Bytes, bool SingleBitFlip) Mutate(byte[] frame, byte[][] samples, Random random)
    {
        var bytes = frame.ToList();
        int kind = random.Next(8);
        switch (kind)
        {
            case 0:
                bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                return ([.. bytes], true);
            case 1:
                for (int k = random.Next(2, 9); k > 0; k--)
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 2:
                bytes.RemoveRange(random.Next(bytes.Count), 1);
                break;
            case 3:
                bytes.Insert(random.Next(bytes.Count), (byte)random.Next(256));
                break;
            case 4:
                int from = random.Next(bytes.Count);
                bytes.RemoveRange(from, bytes.Count - from);
                break;
            case 5:
                var other = samples[random.Next(samples.Length)];
                int cut = random.Next(bytes.Count);
                bytes = [.. bytes.Take(cut), .. other.Skip(random.Next(other.Length))];
                break;
            case 6:
                var noise = new byte[random.Next(1, 6000)];
                random.NextBytes(noise);
                bytes = [.. noise];
                break;
            default:
                bytes[random.Next(bytes.Count)] = 0;
                break;
        }
        return ([.. bytes], false);
    }
}

using Edge.Resolve.Upstream;

namespace Edge.Resolve.Tests.Upstream;

public sealed class KernelRandomTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(256)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void Every_byte_of_the_buffer_is_filled(int length)
    {
        // Filled from the end backwards would leave zeros at the front, a short fill zeros at the end:
        // look at both ends, 32 bytes each (all zero by chance: 2^-256).
        for (int attempt = 0; attempt < 8; attempt++)
        {
            var buffer = new byte[length];
            KernelRandom.Fill(buffer);
            int edge = Math.Min(32, length);
            if (buffer.AsSpan(0, edge).ContainsAnyExcept((byte)0) && buffer.AsSpan(length - edge).ContainsAnyExcept((byte)0))
                return;
        }
        Assert.Fail($"a {length}-byte fill left zeros at an end eight times running");
    }

    [Fact]
    public void Bytes_are_uniform_and_two_draws_differ()
    {
        var first = new byte[256 * 1024];
        var second = new byte[first.Length];
        KernelRandom.Fill(first);
        KernelRandom.Fill(second);
        Assert.False(first.AsSpan().SequenceEqual(second));
        var counts = new long[256];
        foreach (byte b in first)
            counts[b]++;
        double expected = first.Length / 256.0, chiSquare = 0;
        foreach (long count in counts)
            chiSquare += (count - expected) * (count - expected) / expected;
        // 255 degrees of freedom: above 400 happens by chance with p < 1e-8.
        Assert.InRange(chiSquare, 150, 400);
    }
}

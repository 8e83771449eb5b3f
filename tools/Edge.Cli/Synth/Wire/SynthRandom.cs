namespace Edge.Cli.Synth.Wire;

/// <summary>
/// SplitMix64: a tiny PRNG whose output is fixed by its seed on every runtime, which
/// <see cref="Random"/> does not promise. The committed sample depends on that.
/// </summary>
internal sealed class SynthRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min));

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public ushort NextUInt16() => (ushort)NextUInt64();

    public uint NextUInt32() => (uint)NextUInt64();

    public byte[] NextBytes(int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
            bytes[i] = (byte)NextUInt64();
        return bytes;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];
}

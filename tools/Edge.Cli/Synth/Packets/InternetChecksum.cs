namespace Edge.Cli.Synth.Packets;

/// <summary>RFC 1071 ones'-complement sum, as used by IPv4, TCP, UDP and ICMP.</summary>
internal static class InternetChecksum
{
    /// <summary>Adds <paramref name="data"/> to a running 32-bit sum (not yet folded).</summary>
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
            sum += (uint)((data[i] << 8) | data[i + 1]);
        if (i < data.Length)
            sum += (uint)(data[i] << 8);
        return Fold(sum);
    }

    public static uint Fold(uint sum)
    {
        while (sum > 0xFFFF)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return sum;
    }

    public static ushort Finish(uint sum) => (ushort)~Fold(sum);

    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Add(0, data));
}

namespace Edge.Cli.Tests.TestSupport;

/// <summary>An independent RFC 1071 sum for checking checksums the generator wrote: a correct packet sums to 0xFFFF.</summary>
public static class OnesComplement
{
    public static int Sum(params byte[][] parts)
    {
        long sum = 0;
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Length; i += 2)
                sum += (part[i] << 8) + (i + 1 < part.Length ? part[i + 1] : 0);
        }
        while (sum > 0xFFFF)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (int)sum;
    }
}

using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Benchmarks.Intel;

/// <summary>Deterministic synthetic lists: names of 2-4 labels (about 22 bytes on average, like
/// real feeds) and IPv4/IPv6 prefixes of mixed lengths.</summary>
internal static class SyntheticIntel
{
    private static readonly string[] s_tlds = ["com", "net", "org", "ru", "xyz", "info", "vn", "co.uk", "online", "top"];

    public static void WriteDomains(string path, int count)
    {
        var random = new Random(1);
        using var writer = new StreamWriter(path);
        Span<char> label = stackalloc char[16];
        for (var i = 0; i < count; i++)
        {
            if (random.Next(3) == 0)
            {
                writer.Write(Label(random, label, 3, 8));
                writer.Write('.');
            }
            writer.Write(Label(random, label, 6, 14));
            writer.Write(i.ToString("x"));
            writer.Write('.');
            writer.Write(s_tlds[random.Next(s_tlds.Length)]);
            writer.Write('\t');
            writer.WriteLine(IntelCategories.Known[random.Next(5)]);
        }
    }

    public static void WriteCidrs(string path, int count)
    {
        var random = new Random(2);
        using var writer = new StreamWriter(path);
        for (var i = 0; i < count; i++)
        {
            if (i % 4 == 3)
            {
                writer.WriteLine($"2001:db8:{random.Next(65536):x}:{random.Next(65536):x}::/64\tcnc");
                continue;
            }
            var length = random.Next(4) switch { 0 => 24, 1 => 28, _ => 32 };
            var address = (uint)random.Next() << 1 & (uint.MaxValue << (32 - length));
            writer.WriteLine($"{IpAddr.FromIPv4(address)}/{length}\tbotnet");
        }
    }

    private static ReadOnlySpan<char> Label(Random random, Span<char> buffer, int min, int max)
    {
        var length = random.Next(min, max + 1);
        for (var i = 0; i < length; i++)
            buffer[i] = (char)('a' + random.Next(26));
        return buffer[..length];
    }
}

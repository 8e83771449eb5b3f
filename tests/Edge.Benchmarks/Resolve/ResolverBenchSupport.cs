using System.Text;
using Edge.Detect.Intel;

namespace Edge.Benchmarks.Resolve;

/// <summary>Queries, answers and an intel snapshot of 100,000 names for the resolver benchmarks.</summary>
internal static class ResolverBenchSupport
{
    public const int ListedNames = 100_000;

    public static IntelSnapshot Snapshot()
    {
        var builder = new IntelSnapshotBuilder();
        var lists = IntelCategories.Known.Take(5).Select(c => new IntelList("bench-" + c, c)).ToArray();
        for (var i = 0; i < ListedNames; i++)
            builder.AddDomain(Encoding.ASCII.GetBytes(ListedName(i)), lists[i % lists.Length]);
        return builder.Build();
    }

    public static string ListedName(int i) => $"cdn{i:x}-login.secure-{i % 97}.example.net";

    public static byte[] Query(string name, ushort type = 1, ushort id = 0x1234, bool edns = false)
    {
        var bytes = new List<byte> { (byte)(id >> 8), (byte)id, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, (byte)(edns ? 1 : 0) };
        bytes.AddRange(Name(name));
        bytes.AddRange([(byte)(type >> 8), (byte)type, 0, 1]);
        if (edns)
            bytes.AddRange([0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 0]);
        return [.. bytes];
    }

    /// <summary>An upstream's answer: two A records (TTL one day) and an OPT record.</summary>
    public static byte[] Answer(byte[] query)
    {
        var questionEnd = 12;
        while (query[questionEnd] != 0)
            questionEnd += 1 + query[questionEnd];
        questionEnd += 5;
        var bytes = new List<byte> { query[0], query[1], 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 1 };
        bytes.AddRange(query.AsSpan(12, questionEnd - 12).ToArray());
        for (var i = 0; i < 2; i++)
            bytes.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 1, 0x51, 0x80, 0, 4, 192, 0, 2, (byte)(10 + i)]);
        bytes.AddRange([0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 0]);
        return [.. bytes];
    }

    private static byte[] Name(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        return [.. bytes];
    }
}

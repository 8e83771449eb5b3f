using System.Buffers.Binary;

namespace Edge.Resolve.Tests.TestSupport;

/// <summary>The DNS messages over UDP port 53 in the capture corpora (../shared/corpora beside the
/// folder holding Edge.sln, or EDGE_CORPORA): queries and responses, as the lab's dig, kdig and
/// iodine sent them.</summary>
public static class CorpusDns
{
    private static readonly Lazy<(byte[][] Queries, byte[][] Responses)> s_messages = new(Load);

    public static byte[][] Queries => s_messages.Value.Queries;

    public static byte[][] Responses => s_messages.Value.Responses;

    private static (byte[][], byte[][]) Load()
    {
        var queries = new List<byte[]>();
        var responses = new List<byte[]>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root(), "pcaps"), "*.pcap").Order(StringComparer.Ordinal))
        {
            foreach (var frame in Frames(File.ReadAllBytes(file)))
            {
                var payload = UdpDnsPayload(frame);
                if (payload is { Length: >= 12 })
                    ((payload[2] & 0x80) == 0 ? queries : responses).Add(payload);
            }
        }
        return ([.. queries], [.. responses]);
    }

    private static IEnumerable<byte[]> Frames(byte[] file)
    {
        var bigEndian = BinaryPrimitives.ReadUInt32LittleEndian(file) is 0xd4c3b2a1 or 0x4d3cb2a1;
        for (var offset = 24; offset + 16 <= file.Length;)
        {
            var captured = (int)(bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset + 8)) : BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8)));
            offset += 16;
            if (captured < 0 || offset + captured > file.Length)
                yield break;
            yield return file.AsSpan(offset, captured).ToArray();
            offset += captured;
        }
    }

    private static byte[]? UdpDnsPayload(byte[] frame)
    {
        var at = 12;
        if (frame.Length < 14)
            return null;
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(at));
        at += 2;
        if (etherType == 0x8100 && frame.Length >= 18)
        {
            etherType = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(at + 2));
            at += 4;
        }
        int udp;
        if (etherType == 0x0800 && frame.Length >= at + 20 && frame[at + 9] == 17)
            udp = at + (frame[at] & 0x0F) * 4;
        else if (etherType == 0x86DD && frame.Length >= at + 40 && frame[at + 6] == 17)
            udp = at + 40;
        else
            return null;
        if (frame.Length < udp + 8)
            return null;
        var source = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp));
        var destination = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp + 2));
        if (source != 53 && destination != 53)
            return null;
        var length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp + 4)), frame.Length - udp);
        return length < 8 ? null : frame.AsSpan(udp + 8, length - 8).ToArray();
    }

    private static string Root()
    {
        var env = Environment.GetEnvironmentVariable("EDGE_CORPORA");
        if (!string.IsNullOrEmpty(env))
            return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpora"));
        }
        throw new DirectoryNotFoundException("Edge.sln not found above the test binaries; set EDGE_CORPORA");
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Edge.IntegrationTests.Dns;

/// <summary>Just enough DNS wire format for the lab's own sockets (the fake upstream, the flood, the
/// timed SERVFAIL): build a query, read a header and a question, build a one-address answer.
/// Deliberately independent of Edge.Watch's codec, so the tests do not trust the code they test.</summary>
public static class LabDns
{
    public const ushort TypeA = 1;
    public const ushort TypeAaaa = 28;
    public const ushort TypeTxt = 16;
    public const ushort TypeMx = 15;

    public static byte[] Query(ushort id, string name, ushort type, bool edns = true, bool recursion = true)
    {
        var message = new List<byte>(64);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], recursion ? (ushort)0x0100 : (ushort)0);
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], edns ? (ushort)1 : (ushort)0);
        message.AddRange(header.ToArray());
        message.AddRange(Name(name));
        message.AddRange([(byte)(type >> 8), (byte)type, 0, 1]);
        if (edns)
            message.AddRange([0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 0]); // root, OPT, 1232 bytes, no options
        return [.. message];
    }

    public static byte[] Name(string name)
    {
        var bytes = new List<byte>(name.Length + 2);
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        return [.. bytes];
    }

    public static ushort Id(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt16BigEndian(message);

    public static int Rcode(ReadOnlySpan<byte> message) => message[3] & 0x0F;

    public static bool IsResponse(ReadOnlySpan<byte> message) => (message[2] & 0x80) != 0;

    /// <summary>The question of a query: name (lower case, no final dot), type, and where it ends.</summary>
    public static bool TryReadQuestion(ReadOnlySpan<byte> message, out string name, out ushort type, out int end)
    {
        name = "";
        type = 0;
        end = 0;
        if (message.Length < 12 || BinaryPrimitives.ReadUInt16BigEndian(message[4..]) != 1)
            return false;
        var labels = new List<string>();
        var at = 12;
        while (at < message.Length && message[at] != 0)
        {
            int length = message[at];
            if (length > 63 || at + 1 + length > message.Length)
                return false;
            labels.Add(Encoding.ASCII.GetString(message.Slice(at + 1, length)).ToLowerInvariant());
            at += 1 + length;
        }
        if (at + 5 > message.Length)
            return false;
        name = string.Join('.', labels);
        type = BinaryPrimitives.ReadUInt16BigEndian(message[(at + 1)..]);
        end = at + 5;
        return true;
    }

    /// <summary>A response to <paramref name="query"/> with <paramref name="id"/>, the question
    /// <paramref name="questionName"/> (the query's own when null) and, for A queries, one A record
    /// with <paramref name="address"/> for the query's name (TTL 300).</summary>
    public static byte[] Answer(ReadOnlySpan<byte> query, ushort id, string? questionName, IPAddress address)
    {
        if (!TryReadQuestion(query, out var name, out var type, out var end))
            throw new ArgumentException("not a query with one question", nameof(query));
        var message = new List<byte>(128);
        var answers = type == TypeA ? 1 : 0;
        message.AddRange([(byte)(id >> 8), (byte)id, 0x81, 0x80, 0, 1, 0, (byte)answers, 0, 0, 0, 0]);
        if (questionName is null)
            message.AddRange(query[12..end].ToArray());
        else
            message.AddRange([.. Name(questionName), (byte)(type >> 8), (byte)type, 0, 1]);
        if (answers == 1)
        {
            message.AddRange(Name(name));
            message.AddRange([0, 1, 0, 1, 0, 0, 0x01, 0x2C, 0, 4]);
            message.AddRange(address.GetAddressBytes());
        }
        return [.. message];
    }
}

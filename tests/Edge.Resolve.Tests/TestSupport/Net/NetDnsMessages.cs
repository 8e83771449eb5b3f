using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>Builds and reads the few DNS messages the network tests need.</summary>
public static class NetDnsMessages
{
    public const ushort TypeA = 1;
    public const ushort TypeTxt = 16;

    public static byte[] Query(string name, ushort id, ushort type = TypeA)
    {
        var message = new List<byte>(64);
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        header[2] = 0x01; // RD
        header[5] = 1;
        message.AddRange(header);
        message.AddRange(EncodeName(name));
        message.AddRange([(byte)(type >> 8), (byte)type, 0, 1]);
        return [.. message];
    }

    public static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.Trim('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>An answer to <paramref name="query"/> with one A record (or <paramref name="records"/> of them).</summary>
    public static byte[] Answer(ReadOnlySpan<byte> query, IPAddress address, int records = 1, bool truncated = false, byte rcode = 0)
    {
        var questionEnd = QuestionEnd(query);
        var answer = new List<byte>(questionEnd + records * 16);
        answer.AddRange(query[..questionEnd].ToArray());
        answer[2] = (byte)(0x80 | (query[2] & 0x01) | (truncated ? 0x02 : 0));
        answer[3] = (byte)(0x80 | rcode);
        var count = truncated ? 0 : records;
        answer[6] = (byte)(count >> 8);
        answer[7] = (byte)count;
        answer[8] = answer[9] = answer[10] = answer[11] = 0;
        var four = address.GetAddressBytes();
        for (var i = 0; i < count; i++)
            answer.AddRange([0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, four[0], four[1], four[2], four[3]]);
        return [.. answer];
    }

    public static int QuestionEnd(ReadOnlySpan<byte> message)
    {
        var offset = 12;
        while (message[offset] != 0)
            offset += 1 + message[offset];
        return offset + 5;
    }

    public static ushort Id(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt16BigEndian(message);

    public static byte Rcode(ReadOnlySpan<byte> message) => (byte)(message[3] & 0x0F);

    public static ushort AnswerCount(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt16BigEndian(message[6..]);

    public static bool IsTruncated(ReadOnlySpan<byte> message) => (message[2] & 0x02) != 0;

    /// <summary>The first question's name, lower case, without the trailing dot.</summary>
    public static string QuestionName(ReadOnlySpan<byte> message)
    {
        var labels = new List<string>();
        var offset = 12;
        while (offset < message.Length && message[offset] != 0 && message[offset] < 64)
        {
            labels.Add(Encoding.ASCII.GetString(message.Slice(offset + 1, message[offset])).ToLowerInvariant());
            offset += 1 + message[offset];
        }
        return string.Join('.', labels);
    }

    /// <summary>The last A record's address, or null.</summary>
    public static IPAddress? LastAddress(ReadOnlySpan<byte> message) =>
        AnswerCount(message) == 0 || message.Length < 4 ? null : new IPAddress(message[^4..]);
}

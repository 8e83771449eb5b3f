using System.Buffers.Binary;
using System.Text;

namespace Edge.Service.Tests.Systemd;

/// <summary>Parses journald's native protocol the way journald does: <c>NAME=value\n</c>, or
/// <c>NAME\n</c> + little-endian 64-bit length + bytes + <c>\n</c>. Throws on anything else.</summary>
public static class JournalDatagram
{
    public static List<(string Name, string Value, bool Binary)> Parse(ReadOnlySpan<byte> datagram)
    {
        var fields = new List<(string, string, bool)>();
        while (!datagram.IsEmpty)
        {
            var end = datagram.IndexOfAny((byte)'=', (byte)'\n');
            if (end <= 0)
                throw new FormatException("a field without a name");
            var name = Encoding.ASCII.GetString(datagram[..end]);
            if (datagram[end] == (byte)'=')
            {
                var line = datagram[(end + 1)..].IndexOf((byte)'\n');
                if (line < 0)
                    throw new FormatException($"{name}: no newline after the value");
                fields.Add((name, Encoding.UTF8.GetString(datagram.Slice(end + 1, line)), false));
                datagram = datagram[(end + 1 + line + 1)..];
                continue;
            }
            var length = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(datagram[(end + 1)..]));
            var value = datagram.Slice(end + 9, length);
            if (datagram[end + 9 + length] != (byte)'\n')
                throw new FormatException($"{name}: no newline after the binary value");
            fields.Add((name, Encoding.UTF8.GetString(value), true));
            datagram = datagram[(end + 9 + length + 1)..];
        }
        return fields;
    }

    public static Dictionary<string, string> Fields(ReadOnlySpan<byte> datagram) =>
        Parse(datagram).GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
}

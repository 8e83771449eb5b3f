using System.Buffers.Binary;
using System.Text;

namespace Edge.Resolve.Tests.TestSupport;

/// <summary>Builds client queries byte by byte, including the broken ones.</summary>
public static class Query
{
    public static byte[] Build(string name, ushort type = 1, ushort id = 0x1234, ushort flags = 0x0100, Edns? edns = null, ushort qclass = 1)
    {
        var bytes = new List<byte>();
        Add16(bytes, id);
        Add16(bytes, flags);
        Add16(bytes, 1);
        Add16(bytes, 0);
        Add16(bytes, 0);
        Add16(bytes, (ushort)(edns is null ? 0 : 1));
        bytes.AddRange(Name(name));
        Add16(bytes, type);
        Add16(bytes, qclass);
        if (edns is { } e)
            bytes.AddRange(Opt(e));
        return [.. bytes];
    }

    public static byte[] Name(string name)
    {
        var bytes = new List<byte>();
        foreach (var label in name.TrimEnd('.').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            bytes.Add((byte)label.Length);
            bytes.AddRange(Encoding.ASCII.GetBytes(label));
        }
        bytes.Add(0);
        return [.. bytes];
    }

    public static byte[] Opt(Edns edns)
    {
        var bytes = new List<byte> { 0 };
        Add16(bytes, 41);
        Add16(bytes, edns.UdpSize);
        bytes.Add(0);
        bytes.Add(edns.Version);
        Add16(bytes, (ushort)(edns.DnssecOk ? 0x8000 : 0));
        Add16(bytes, (ushort)edns.Options.Length);
        bytes.AddRange(edns.Options);
        return [.. bytes];
    }

    public static void Add16(List<byte> bytes, ushort value)
    {
        bytes.Add((byte)(value >> 8));
        bytes.Add((byte)value);
    }

    public static void Add32(List<byte> bytes, uint value)
    {
        Add16(bytes, (ushort)(value >> 16));
        Add16(bytes, (ushort)value);
    }

    public static byte[] With16(byte[] message, int offset, ushort value)
    {
        var copy = (byte[])message.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(offset), value);
        return copy;
    }
}

public readonly record struct Edns(ushort UdpSize = 1232, byte Version = 0, bool DnssecOk = false, byte[]? OptionBytes = null)
{
    public byte[] Options => OptionBytes ?? [];
}

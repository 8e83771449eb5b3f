using System.Buffers.Binary;
using System.Text;

namespace Edge.Watch.Tests.Dns;

/// <summary>Hand-builds DNS wire messages for tests, byte by byte, so that bad ones can be built too.</summary>
internal sealed class WireBuilder
{
    private readonly List<byte> _bytes = [];

    public int Position => _bytes.Count;

    public WireBuilder Header(ushort id = 0x1234, ushort flags = 0x8180, ushort qd = 1, ushort an = 0, ushort ns = 0, ushort ar = 0) =>
        U16(id).U16(flags).U16(qd).U16(an).U16(ns).U16(ar);

    /// <summary>Labels of a dotted name, then the root octet or, when given, a pointer.</summary>
    public WireBuilder Name(string dotted, int? pointer = null)
    {
        if (dotted.Length > 0 && dotted != ".")
        {
            foreach (var label in dotted.Split('.'))
                Label(Encoding.ASCII.GetBytes(label));
        }
        return pointer is int target ? Pointer(target) : U8(0);
    }

    public WireBuilder Label(byte[] label) => U8((byte)label.Length).Bytes(label);

    public WireBuilder Pointer(int offset) => U16((ushort)(0xC000 | offset));

    public WireBuilder Question(string name, ushort type, ushort @class = 1) => Name(name).U16(type).U16(@class);

    public WireBuilder Record(string owner, ushort type, uint ttl, Action<WireBuilder> rdata, ushort @class = 1) =>
        Name(owner).Rest(type, @class, ttl, rdata);

    public WireBuilder Record(int ownerPointer, ushort type, uint ttl, Action<WireBuilder> rdata, ushort @class = 1) =>
        Pointer(ownerPointer).Rest(type, @class, ttl, rdata);

    public WireBuilder U8(byte value)
    {
        _bytes.Add(value);
        return this;
    }

    public WireBuilder U16(ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        return Bytes(buffer);
    }

    public WireBuilder U32(uint value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, value);
        return Bytes(buffer);
    }

    public WireBuilder Bytes(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
            _bytes.Add(b);
        return this;
    }

    public WireBuilder Text(string value) => Bytes(Encoding.ASCII.GetBytes(value));

    public WireBuilder CharacterString(string value) => U8((byte)value.Length).Text(value);

    public byte[] ToArray() => [.. _bytes];

    private WireBuilder Rest(ushort type, ushort @class, uint ttl, Action<WireBuilder> rdata)
    {
        U16(type).U16(@class).U32(ttl);
        var lengthAt = Position;
        U16(0);
        rdata(this);
        var length = Position - lengthAt - 2;
        _bytes[lengthAt] = (byte)(length >> 8);
        _bytes[lengthAt + 1] = (byte)length;
        return this;
    }
}

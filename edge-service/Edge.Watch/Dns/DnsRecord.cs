namespace Edge.Watch.Dns;

/// <summary>One resource record, a view into the message (RFC 1035 §4.1.3). For OPT the
/// class is the UDP payload size and the TTL holds extended RCODE, version and flags (RFC 6891 §6.1.3).</summary>
public readonly ref struct DnsRecord
{
    internal DnsRecord(DnsSection section, int nameOffset, ushort type, ushort @class, uint ttl, ReadOnlySpan<byte> data, int dataOffset)
    {
        Section = section;
        NameOffset = nameOffset;
        Type = type;
        Class = @class;
        Ttl = ttl;
        Data = data;
        DataOffset = dataOffset;
    }

    public DnsSection Section { get; }

    /// <summary>Offset of the owner name in the message; read it with <see cref="DnsName.TryRead"/>.</summary>
    public int NameOffset { get; }

    public ushort Type { get; }

    public ushort Class { get; }

    public uint Ttl { get; }

    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Offset of <see cref="Data"/> in the message, for names inside RDATA.</summary>
    public int DataOffset { get; }
}

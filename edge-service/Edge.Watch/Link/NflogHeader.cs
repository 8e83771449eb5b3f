using System.Buffers.Binary;

namespace Edge.Watch.Link;

/// <summary>One frame of libpcap's NFLOG link type (DLT_NFLOG = 239, Linux netfilter log): a
/// 4-byte header (address family, version 0, the group in network order) and then TLVs whose
/// length and type are in the host's byte order (libpcap's LINKTYPE_NFLOG page; read here as
/// little-endian, the order of x86-64 and arm64), each padded to 4 bytes. Only what an alert needs
/// is kept: the logged packet (NFULA_PAYLOAD, type 9) and the rule's prefix (NFULA_PREFIX, 10).</summary>
public readonly ref struct NflogHeader
{
    public const int LinkType = 239;

    private const int HeaderSize = 4;
    private const int TlvHeaderSize = 4;
    private const ushort PayloadType = 9;
    private const ushort PrefixType = 10;
    private const int MaxTlvs = 64;

    /// <summary>2 (AF_INET) or 10 (AF_INET6).</summary>
    public byte Family { get; init; }

    public ushort Group { get; init; }

    /// <summary>The IP packet as logged (its first bytes when the rule set a copy range).</summary>
    public ReadOnlySpan<byte> Payload { get; init; }

    /// <summary>The log statement's prefix without its terminating NUL; empty when none.</summary>
    public ReadOnlySpan<byte> Prefix { get; init; }

    /// <summary>False when the frame is not a well-formed NFLOG frame with a payload. Never throws.</summary>
    public static bool TryRead(ReadOnlySpan<byte> frame, out NflogHeader header)
    {
        header = default;
        if (frame.Length < HeaderSize || frame[1] != 0)
            return false;
        ReadOnlySpan<byte> payload = default, prefix = default;
        var found = false;
        var rest = frame[HeaderSize..];
        for (var i = 0; i < MaxTlvs && rest.Length >= TlvHeaderSize; i++)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(rest);
            var type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(rest[2..]) & 0x7fff);
            if (length < TlvHeaderSize || length > rest.Length)
                return false;
            var value = rest[TlvHeaderSize..length];
            if (type == PayloadType)
            {
                payload = value;
                found = true;
            }
            else if (type == PrefixType)
            {
                var end = value.IndexOf((byte)0);
                prefix = end < 0 ? value : value[..end];
            }
            var padded = (length + 3) & ~3;
            rest = padded >= rest.Length ? [] : rest[padded..];
        }
        if (!found)
            return false;
        header = new NflogHeader
        {
            Family = frame[0],
            Group = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]),
            Payload = payload,
            Prefix = prefix,
        };
        return true;
    }
}

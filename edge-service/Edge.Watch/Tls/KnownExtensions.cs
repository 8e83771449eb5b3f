using System.Buffers.Binary;

namespace Edge.Watch.Tls;

/// <summary>Validates the extensions block and picks out server_name, ALPN and supported_versions.
/// The first extension of a type wins.</summary>
internal ref struct KnownExtensions
{
    public bool HasServerName;
    public bool HasAlpn;
    public bool HasSupportedVersions;
    public ReadOnlySpan<byte> HostName;
    public ReadOnlySpan<byte> AlpnNames;
    public ReadOnlySpan<byte> SupportedVersions;

    public bool TryRead(ReadOnlySpan<byte> extensions, out TlsError error)
    {
        error = TlsError.None;
        var rest = extensions;
        while (!rest.IsEmpty)
        {
            if (rest.Length < 4)
            {
                error = TlsError.BadExtensions;
                return false;
            }
            var type = BinaryPrimitives.ReadUInt16BigEndian(rest);
            int length = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
            if (length > rest.Length - 4)
            {
                error = TlsError.BadExtensions;
                return false;
            }
            var data = rest.Slice(4, length);
            rest = rest[(4 + length)..];
            if (!TryTake(type, data, out error))
                return false;
        }
        return true;
    }

    private bool TryTake(ushort type, ReadOnlySpan<byte> data, out TlsError error)
    {
        error = TlsError.None;
        switch (type)
        {
            case TlsExtensionType.ServerName when !HasServerName:
                HasServerName = true;
                if (!TryReadServerName(data, out HostName))
                    error = TlsError.BadServerName;
                break;
            case TlsExtensionType.Alpn when !HasAlpn:
                HasAlpn = true;
                if (!TryReadAlpn(data, out AlpnNames))
                    error = TlsError.BadAlpn;
                break;
            case TlsExtensionType.SupportedVersions when !HasSupportedVersions:
                HasSupportedVersions = true;
                if (!TryReadSupportedVersions(data, out SupportedVersions))
                    error = TlsError.BadSupportedVersions;
                break;
        }
        return error == TlsError.None;
    }

    // RFC 6066 §3: ServerNameList server_name_list<1..2^16-1>; each entry a NameType byte and,
    // for host_name(0), HostName<1..2^16-1>. Other name types share the 2-byte-length layout.
    private static bool TryReadServerName(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> hostName)
    {
        hostName = default;
        if (data.Length < 2 || BinaryPrimitives.ReadUInt16BigEndian(data) != data.Length - 2 || data.Length == 2)
            return false;
        var list = data[2..];
        while (!list.IsEmpty)
        {
            if (list.Length < 3)
                return false;
            int length = BinaryPrimitives.ReadUInt16BigEndian(list[1..]);
            if (length == 0 || length > list.Length - 3)
                return false;
            if (list[0] == 0 && hostName.IsEmpty)
                hostName = list.Slice(3, length);
            list = list[(3 + length)..];
        }
        return true;
    }

    // RFC 7301 §3.1: ProtocolNameList protocol_name_list<2..2^16-1>; ProtocolName<1..2^8-1>,
    // "Empty strings MUST NOT be included".
    private static bool TryReadAlpn(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> names)
    {
        names = default;
        if (data.Length < 4 || BinaryPrimitives.ReadUInt16BigEndian(data) != data.Length - 2)
            return false;
        var list = data[2..];
        for (var rest = list; !rest.IsEmpty;)
        {
            if (rest[0] == 0 || rest[0] > rest.Length - 1)
                return false;
            rest = rest[(1 + rest[0])..];
        }
        names = list;
        return true;
    }

    // RFC 8446 §4.2.1: in a ClientHello, ProtocolVersion versions<2..254>.
    private static bool TryReadSupportedVersions(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> versions)
    {
        versions = default;
        if (data.Length < 3 || data[0] != data.Length - 1 || (data[0] & 1) != 0)
            return false;
        versions = data[1..];
        return true;
    }
}

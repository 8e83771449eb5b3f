using System.Buffers.Binary;

namespace Edge.Watch.Dns;

/// <summary>Checks the RDATA layout of the types whose RDATA holds names or declared lengths,
/// so that every name in an accepted message can be read without further checks.</summary>
internal static class DnsRdataValidator
{
    public static DnsError Validate(ReadOnlySpan<byte> message, ushort type, int offset, int length)
    {
        var end = offset + length;
        switch (type)
        {
            case DnsType.A:
                return length == 4 ? DnsError.None : DnsError.BadRdata;
            case DnsType.AAAA:
                return length == 16 ? DnsError.None : DnsError.BadRdata;
            case DnsType.NS or DnsType.MD or DnsType.MF or DnsType.CNAME or DnsType.MB
                or DnsType.MG or DnsType.MR or DnsType.PTR or DnsType.DNAME:
                return DnsNameWalker.SkipExactly(message, offset, end);
            case DnsType.MX or DnsType.AFSDB or DnsType.KX:
                return length < 2 ? DnsError.BadRdata : DnsNameWalker.SkipExactly(message, offset + 2, end);
            case DnsType.SRV:
                return length < 6 ? DnsError.BadRdata : DnsNameWalker.SkipExactly(message, offset + 6, end);
            case DnsType.MINFO or DnsType.RP:
                return TwoNamesThenFixed(message, offset, end, 0);
            case DnsType.SOA:
                // RFC 1035 §3.3.13: MNAME, RNAME, then five 32-bit fields.
                return TwoNamesThenFixed(message, offset, end, 20);
            case DnsType.TXT:
                return CharacterStrings(message, offset, end, int.MaxValue, out _);
            case DnsType.NAPTR:
                return Naptr(message, offset, end);
            case DnsType.RRSIG:
                // RFC 4034 §3.1: 18 octets of fixed fields, the signer's name, then the signature.
                return length < 18 ? DnsError.BadRdata : NamePrefix(message, offset + 18, end);
            case DnsType.NSEC:
                return NamePrefix(message, offset, end);
            case DnsType.SVCB or DnsType.HTTPS:
                return Svcb(message, offset, end);
            case DnsType.OPT:
                return KeyLengthValues(message, offset, end) == DnsError.None ? DnsError.None : DnsError.BadOpt;
            default:
                return DnsError.None;
        }
    }

    private static DnsError NamePrefix(ReadOnlySpan<byte> message, int offset, int end) =>
        DnsNameWalker.Skip(message, offset, end, DnsError.BadRdata, out _);

    private static DnsError TwoNamesThenFixed(ReadOnlySpan<byte> message, int offset, int end, int fixedLength)
    {
        var error = DnsNameWalker.Skip(message, offset, end, DnsError.BadRdata, out var first);
        if (error != DnsError.None)
            return error;
        error = DnsNameWalker.Skip(message, first, end, DnsError.BadRdata, out var second);
        if (error != DnsError.None)
            return error;
        return end - second == fixedLength ? DnsError.None : DnsError.BadRdata;
    }

    /// <summary>RFC 1035 §3.3: each character-string is a length octet and that many octets.</summary>
    private static DnsError CharacterStrings(ReadOnlySpan<byte> message, int offset, int end, int count, out int after)
    {
        after = offset;
        for (var i = 0; i < count && after < end; i++)
        {
            after += 1 + message[after];
            if (after > end)
                return DnsError.BadRdata;
        }
        return DnsError.None;
    }

    /// <summary>RFC 3403 §4.1: ORDER, PREFERENCE, FLAGS, SERVICES, REGEXP, REPLACEMENT.</summary>
    private static DnsError Naptr(ReadOnlySpan<byte> message, int offset, int end)
    {
        if (end - offset < 4)
            return DnsError.BadRdata;
        var error = CharacterStrings(message, offset + 4, end, 3, out var after);
        if (error != DnsError.None)
            return error;
        return DnsNameWalker.SkipExactly(message, after, end);
    }

    /// <summary>RFC 9460 §2.2: SvcPriority, TargetName, then SvcParams as key, length, value.</summary>
    private static DnsError Svcb(ReadOnlySpan<byte> message, int offset, int end)
    {
        if (end - offset < 2)
            return DnsError.BadRdata;
        var error = DnsNameWalker.Skip(message, offset + 2, end, DnsError.BadRdata, out var after);
        if (error != DnsError.None)
            return error;
        return KeyLengthValues(message, after, end);
    }

    /// <summary>A run of 16-bit key, 16-bit length, value: SvcParams (RFC 9460 §2.2) and EDNS options (RFC 6891 §6.1.2).</summary>
    private static DnsError KeyLengthValues(ReadOnlySpan<byte> message, int offset, int end)
    {
        while (offset < end)
        {
            if (end - offset < 4)
                return DnsError.BadRdata;
            int valueLength = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
            offset += 4;
            if (end - offset < valueLength)
                return DnsError.BadRdata;
            offset += valueLength;
        }
        return DnsError.None;
    }
}

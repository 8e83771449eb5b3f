namespace Edge.Detect.Intel;

/// <summary>Checks a list entry's name: LDH labels (underscore allowed, as real feeds carry it)
/// of 1..63 octets, at most 253 octets in all (RFC 1035 §2.3.4), ASCII only (IDNs in xn-- form).</summary>
public static class DomainName
{
    public const int MaxLength = 253;

    /// <summary>The name without one trailing dot.</summary>
    public static ReadOnlySpan<byte> TrimDot(ReadOnlySpan<byte> name) =>
        name.Length > 0 && name[^1] == (byte)'.' ? name[..^1] : name;

    public static IntelLineError Validate(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
            return IntelLineError.BadName;
        if (name.Length > MaxLength)
            return IntelLineError.NameTooLong;
        var label = 0;
        foreach (var b in name)
        {
            if (b == (byte)'.')
            {
                if (label == 0)
                    return IntelLineError.BadName;
                label = 0;
                continue;
            }
            if (b >= 0x80)
                return IntelLineError.NonAsciiName;
            if (!IsNameByte(b) || ++label > 63)
                return IntelLineError.BadName;
        }
        return label == 0 ? IntelLineError.BadName : IntelLineError.None;
    }

    private static bool IsNameByte(byte b) =>
        (uint)((b | 0x20) - 'a') < 26u || (uint)(b - '0') < 10u || b == (byte)'-' || b == (byte)'_';
}

using System.Text;

namespace Edge.Detect.Intel;

/// <summary>Response Policy Zone records (draft-vixie-dnsop-dns-rpz): <c>name CNAME .</c> and
/// <c>*.name CNAME .</c> (NXDOMAIN) are taken; other actions (NODATA <c>*.</c>, rpz-passthru.,
/// rpz-drop., local data) and IP/NSDNAME triggers are counted as unsupported; SOA and NS are the
/// zone's own records and skipped.</summary>
internal static class RpzLine
{
    /// <summary>False when the line is not a zone record (no record type among its fields).</summary>
    public static bool TryParse(LineTokens tokens, ReadOnlySpan<byte> line, ref IntelParserState state, IIntelLineSink sink)
    {
        var type = -1;
        for (var i = 1; i < tokens.Count && type < 0; i++)
        {
            if (IsRecordType(tokens[i]))
                type = i;
        }
        if (type < 0)
            return false;
        var kind = tokens[type];
        if (Ascii.EqualsIgnoreCase(kind, "SOA"u8) || Ascii.EqualsIgnoreCase(kind, "NS"u8))
        {
            state.InParentheses = line.IndexOf((byte)'(') >= 0 && line.IndexOf((byte)')') < 0;
            return true;
        }
        var owner = tokens[0];
        if (!Ascii.EqualsIgnoreCase(kind, "CNAME"u8))
        {
            sink.Rejected(IntelLineError.UnsupportedRpzRecord);
            return true;
        }
        if (tokens.Count != type + 2 || !tokens[type + 1].SequenceEqual("."u8))
        {
            sink.Rejected(IntelLineError.UnsupportedRpzAction);
            return true;
        }
        owner = Relative(owner, state.Origin);
        if (owner.EndsWith(".rpz-ip"u8) || owner.EndsWith(".rpz-nsip"u8) || owner.EndsWith(".rpz-nsdname"u8)
            || owner.EndsWith(".rpz-client-ip"u8))
        {
            sink.Rejected(IntelLineError.UnsupportedRpzRecord);
            return true;
        }
        IntelLineParser.DomainEntry(owner, [], sink);
        return true;
    }

    /// <summary>An absolute owner ("evil.com.rpz.example.") loses the zone origin; a relative one
    /// is already the trigger name.</summary>
    private static ReadOnlySpan<byte> Relative(ReadOnlySpan<byte> owner, byte[]? origin)
    {
        if (owner.IsEmpty || owner[^1] != (byte)'.' || origin is null)
            return owner;
        var name = owner[..^1];
        if (name.Length > origin.Length && name[^(origin.Length + 1)] == (byte)'.'
            && Ascii.EqualsIgnoreCase(name[^origin.Length..], origin))
            return name[..^(origin.Length + 1)];
        return owner;
    }

    private static bool IsRecordType(ReadOnlySpan<byte> token) =>
        Ascii.EqualsIgnoreCase(token, "CNAME"u8) || Ascii.EqualsIgnoreCase(token, "A"u8)
        || Ascii.EqualsIgnoreCase(token, "AAAA"u8) || Ascii.EqualsIgnoreCase(token, "TXT"u8)
        || Ascii.EqualsIgnoreCase(token, "SOA"u8) || Ascii.EqualsIgnoreCase(token, "NS"u8)
        || Ascii.EqualsIgnoreCase(token, "MX"u8) || Ascii.EqualsIgnoreCase(token, "PTR"u8)
        || Ascii.EqualsIgnoreCase(token, "DNAME"u8);
}

using System.Text;

namespace Edge.Detect.Intel;

/// <summary>Response Policy Zone records (draft-vixie-dnsop-dns-rpz §2–§3): QNAME triggers with
/// the actions <c>CNAME .</c> (NXDOMAIN), <c>CNAME *.</c> (NODATA), <c>CNAME rpz-passthru.</c>,
/// <c>CNAME rpz-drop.</c> and A/AAAA local data. An owner <c>*.name</c> covers the names below
/// <c>name</c>, a bare owner only the name itself. <c>rpz-tcp-only.</c> and CNAMEs to other names
/// are counted as unsupported actions; IP, NSIP, NSDNAME and client-IP triggers and other local
/// data types (TXT, MX…) as unsupported records; SOA and NS are the zone's own and skipped.</summary>
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
        var owner = Relative(tokens[0], state.Origin);
        var cname = Ascii.EqualsIgnoreCase(kind, "CNAME"u8);
        var address = Ascii.EqualsIgnoreCase(kind, "A"u8) || Ascii.EqualsIgnoreCase(kind, "AAAA"u8);
        if (IsOtherTrigger(owner) || !(cname || address))
        {
            sink.Rejected(IntelLineError.UnsupportedRpzRecord);
            return true;
        }
        if (tokens.Count != type + 2)
        {
            sink.Rejected(cname ? IntelLineError.UnsupportedRpzAction : IntelLineError.BadAddress);
            return true;
        }
        var scope = IntelScope.Exact;
        if (owner.StartsWith("*."u8))
        {
            owner = owner[2..];
            scope = IntelScope.Subdomains;
        }
        owner = DomainName.TrimDot(owner);
        var error = DomainName.Validate(owner);
        if (error != IntelLineError.None)
        {
            sink.Rejected(error);
            return true;
        }
        var data = tokens[type + 1];
        if (address)
            LocalData(owner, scope, data, kind.Length == 1 ? 4 : 6, sink);
        else if (TryAction(data, out var action))
            sink.RpzName(owner, scope, action);
        else
            sink.Rejected(IntelLineError.UnsupportedRpzAction);
        return true;
    }

    private static void LocalData(ReadOnlySpan<byte> owner, IntelScope scope, ReadOnlySpan<byte> text, int family, IIntelLineSink sink)
    {
        if (!CidrText.TryParseAddress(text, out var address) || address.Family != family)
        {
            sink.Rejected(IntelLineError.BadAddress);
            return;
        }
        sink.RpzLocalData(owner, scope, address);
    }

    /// <summary>The CNAME targets with a policy meaning (§3.1–§3.5), always written absolute.</summary>
    private static bool TryAction(ReadOnlySpan<byte> target, out IntelAction action)
    {
        action = target switch
        {
            _ when target.SequenceEqual("."u8) => IntelAction.NxDomain,
            _ when target.SequenceEqual("*."u8) => IntelAction.NoData,
            _ when Ascii.EqualsIgnoreCase(target, "rpz-passthru."u8) => IntelAction.PassThru,
            _ when Ascii.EqualsIgnoreCase(target, "rpz-drop."u8) => IntelAction.Drop,
            _ => IntelAction.Block,
        };
        return action != IntelAction.Block;
    }

    /// <summary>Triggers on answers, name servers or clients rather than on the query name (§2).</summary>
    private static bool IsOtherTrigger(ReadOnlySpan<byte> owner)
    {
        owner = DomainName.TrimDot(owner);
        return owner.EndsWith(".rpz-ip"u8) || owner.EndsWith(".rpz-nsip"u8) || owner.EndsWith(".rpz-nsdname"u8)
            || owner.EndsWith(".rpz-client-ip"u8);
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

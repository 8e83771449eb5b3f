namespace Edge.Detect.Intel;

/// <summary>Reads one line of any accepted list format: plain names with an optional category,
/// hosts files, AdBlock <c>||name^</c>, RPZ zones, and CIDR lists. Never throws; every line ends
/// as skipped (blank, comment, zone boilerplate), taken, or rejected with a reason.</summary>
public static class IntelLineParser
{
    public const int MaxLineLength = 4096;

    private const int MaxCategoryLength = 40;

    public static void Parse(ReadOnlySpan<byte> line, ref IntelParserState state, IIntelLineSink sink)
    {
        if (line.Length > MaxLineLength)
        {
            sink.Rejected(IntelLineError.LineTooLong);
            return;
        }
        line = CutComment(line.Trim(" \t\r\v\f"u8));
        if (state.InParentheses)
        {
            state.InParentheses = line.IndexOf((byte)')') < 0;
            return;
        }
        if (line.IsEmpty || line[0] is (byte)'!' or (byte)'[')
            return;
        if (line[0] == (byte)'$')
        {
            ZoneDirective(line, ref state);
            return;
        }
        if (LooksLikeAdBlock(line))
        {
            AdBlockLine(line, sink);
            return;
        }
        Span<Range> ranges = stackalloc Range[LineTokens.Max];
        var tokens = new LineTokens(line, ranges);
        if (RpzLine.TryParse(tokens, line, ref state, sink))
            return;
        if (tokens.Count >= 2 && HostsLine.IsHostsLine(tokens))
        {
            HostsLine.Parse(tokens, sink);
            return;
        }
        EntryLine(tokens, sink);
    }

    internal static bool IsCategory(ReadOnlySpan<byte> token)
    {
        if (token.IsEmpty || token.Length > MaxCategoryLength)
            return false;
        foreach (var b in token)
        {
            if (!((uint)((b | 0x20) - 'a') < 26u || (uint)(b - '0') < 10u || b is (byte)'-' or (byte)'_'))
                return false;
        }
        return true;
    }

    /// <summary>A '#' after whitespace or any ';' starts a comment (a leading '#' is a comment
    /// line; AdBlock's "##" element rules keep their '#').</summary>
    private static ReadOnlySpan<byte> CutComment(ReadOnlySpan<byte> line)
    {
        if (!line.IsEmpty && line[0] == (byte)'#')
            return [];
        var semicolon = line.IndexOf((byte)';');
        if (semicolon >= 0)
            line = line[..semicolon];
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == (byte)'#' && LineTokens.IsSpace(line[i - 1]))
                return line[..i].TrimEnd(" \t"u8);
        }
        return line.TrimEnd(" \t\r\v\f"u8);
    }

    /// <summary>Exceptions (@@), anchors and options (| ^ $), element hiding (## #@#) and
    /// path or regex rules (leading '/'; a CIDR's slash never comes first).</summary>
    private static bool LooksLikeAdBlock(ReadOnlySpan<byte> line) =>
        line.StartsWith("@@"u8) || line[0] == (byte)'/' || line.IndexOfAny("^$|"u8) >= 0
        || line.IndexOf("##"u8) >= 0 || line.IndexOf("#@#"u8) >= 0;

    /// <summary>Only <c>||name^</c> (a name and its subdomains) is modelled; options, exceptions,
    /// paths and element-hiding rules are counted as unsupported.</summary>
    private static void AdBlockLine(ReadOnlySpan<byte> line, IIntelLineSink sink)
    {
        if (!line.StartsWith("||"u8) || line[^1] != (byte)'^' || line.Length < 4)
        {
            sink.Rejected(IntelLineError.UnsupportedAdBlock);
            return;
        }
        var name = line[2..^1];
        if (name.IndexOfAny("|^$/*"u8) >= 0 || name.IndexOf(":"u8) >= 0)
        {
            sink.Rejected(IntelLineError.UnsupportedAdBlock);
            return;
        }
        DomainEntry(name, [], sink);
    }

    private static void ZoneDirective(ReadOnlySpan<byte> line, ref IntelParserState state)
    {
        if (!line.StartsWith("$ORIGIN"u8))
            return;
        var origin = line[7..].Trim(" \t"u8);
        origin = DomainName.TrimDot(origin);
        if (origin.IsEmpty || DomainName.Validate(origin) != IntelLineError.None)
        {
            state.Origin = null;
            return;
        }
        var lowered = origin.ToArray();
        for (var i = 0; i < lowered.Length; i++)
            lowered[i] = SuffixHash.AsciiLower(lowered[i]);
        state.Origin = lowered;
    }

    private static void EntryLine(LineTokens tokens, IIntelLineSink sink)
    {
        var category = tokens.Count > 1 ? tokens[1] : [];
        if (tokens.Count > 2 || tokens.Truncated)
        {
            sink.Rejected(IntelLineError.ExtraColumns);
            return;
        }
        if (!category.IsEmpty && !IsCategory(category))
        {
            sink.Rejected(IntelLineError.BadCategory);
            return;
        }
        var first = tokens[0];
        if (LooksLikeAddress(first))
        {
            var error = CidrText.TryParse(first, out var network, out var length);
            if (error == IntelLineError.None)
                sink.Cidr(network, length, category);
            else
                sink.Rejected(error);
            return;
        }
        DomainEntry(first, category, sink);
    }

    internal static void DomainEntry(ReadOnlySpan<byte> name, ReadOnlySpan<byte> category, IIntelLineSink sink)
    {
        if (name.StartsWith("*."u8))
            name = name[2..];
        else if (name.StartsWith("."u8))
            name = name[1..];
        name = DomainName.TrimDot(name);
        var error = DomainName.Validate(name);
        if (error == IntelLineError.None)
            sink.Domain(name, category);
        else
            sink.Rejected(error);
    }

    /// <summary>Addresses hold ':' or '/', or are digits and dots only (no TLD is all digits).</summary>
    private static bool LooksLikeAddress(ReadOnlySpan<byte> token)
    {
        if (token.IndexOfAny((byte)':', (byte)'/') >= 0)
            return true;
        foreach (var b in token)
        {
            if (b != (byte)'.' && (uint)(b - '0') >= 10u)
                return false;
        }
        return true;
    }
}

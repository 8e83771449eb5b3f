using System.Text;

namespace Edge.Detect.Names;

/// <summary>The Public Suffix List (ASCII rules of the ICANN and private sections, shipped as
/// <see cref="PublicSuffixData"/>) with the list's own algorithm: exception rules beat wildcard and
/// plain rules, the longest match wins, and an unlisted TLD is its own suffix (the implicit "*").</summary>
public sealed class PublicSuffixList
{
    private const int MaxNameLength = 253;

    private static readonly Lazy<PublicSuffixList> s_default = new(() => new PublicSuffixList(PublicSuffixData.Rules));

    private readonly Dictionary<string, RuleKind>.AlternateLookup<ReadOnlySpan<char>> _rules;

    private PublicSuffixList(ReadOnlySpan<byte> rules)
    {
        var map = new Dictionary<string, RuleKind>(StringComparer.Ordinal);
        foreach (var range in rules.Split((byte)'\n'))
        {
            var rule = Encoding.ASCII.GetString(rules[range]);
            var (key, kind) = rule switch
            {
                ['!', .. var rest] => (rest, RuleKind.Exception),
                ['*', '.', .. var rest] => (rest, RuleKind.WildcardChildren),
                _ => (rule, RuleKind.Plain),
            };
            map[key] = map.GetValueOrDefault(key) | kind;
        }
        _rules = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static PublicSuffixList Default => s_default.Value;

    /// <summary>Splits a name (ASCII or punycode as sent, any case, optional trailing dot) into its
    /// registrable label and public suffix: for <c>www.dichvucong.gov.vn</c> the label is
    /// <c>dichvucong</c> at <paramref name="labelStart"/> and the suffix <c>gov.vn</c> starts at
    /// <paramref name="suffixStart"/>. False when the name is empty, too long, has an empty label, or
    /// is itself a public suffix.</summary>
    public bool TrySplit(ReadOnlySpan<byte> name, out int labelStart, out int labelLength, out int suffixStart)
    {
        labelStart = labelLength = suffixStart = 0;
        if (name.EndsWith((byte)'.'))
            name = name[..^1];
        if (name.IsEmpty || name.Length > MaxNameLength)
            return false;
        Span<char> text = stackalloc char[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            var octet = name[i];
            text[i] = (char)(octet is >= (byte)'A' and <= (byte)'Z' ? octet | 0x20 : octet);
        }
        if (!TryFindSuffix(text, out suffixStart) || suffixStart == 0)
            return false;
        var labelEnd = suffixStart - 1;
        labelStart = name[..labelEnd].LastIndexOf((byte)'.') + 1;
        labelLength = labelEnd - labelStart;
        return labelLength > 0;
    }

    /// <summary>The registrable label of <paramref name="name"/>, or false as in <see cref="TrySplit"/>.</summary>
    public bool TryGetRegistrableLabel(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> label)
    {
        label = default;
        if (!TrySplit(name, out var start, out var length, out _))
            return false;
        label = name.Slice(start, length);
        return true;
    }

    private bool TryFindSuffix(ReadOnlySpan<char> name, out int suffixStart)
    {
        suffixStart = 0;
        for (var start = 0; start < name.Length;)
        {
            var candidate = name[start..];
            var dot = candidate.IndexOf('.');
            if (dot == 0)
                return false;
            _rules.TryGetValue(candidate, out var kind);
            if ((kind & RuleKind.Exception) != 0)
            {
                if (dot < 0)
                    return false;
                suffixStart = start + dot + 1;
                return true;
            }
            if ((kind & RuleKind.Plain) != 0 || (dot > 0 && IsWildcardParent(candidate[(dot + 1)..])))
            {
                suffixStart = start;
                return true;
            }
            if (dot < 0)
            {
                suffixStart = start;
                return true;
            }
            start += dot + 1;
        }
        return false;
    }

    private bool IsWildcardParent(ReadOnlySpan<char> parent) =>
        _rules.TryGetValue(parent, out var kind) && (kind & RuleKind.WildcardChildren) != 0;

    [Flags]
    private enum RuleKind
    {
        None = 0,
        Plain = 1,
        WildcardChildren = 2,
        Exception = 4,
    }
}

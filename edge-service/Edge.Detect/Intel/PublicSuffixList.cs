using System.Text;
using Edge.Detect.Names;

namespace Edge.Detect.Intel;

/// <summary>The Public Suffix List (https://publicsuffix.org/list/) compiled into the same hashed
/// suffix table as the intel names; lookups walk the name right to left without allocating.
/// Rules: normal, wildcard (<c>*.</c>), exception (<c>!</c>); ICANN and private sections; Unicode
/// rules are held in their <c>xn--</c> form, the form names have in DNS, TLS and HTTP.</summary>
public sealed class PublicSuffixList
{
    private const ushort Normal = PublicSuffixRuleReader.Normal;
    private const ushort Wildcard = PublicSuffixRuleReader.Wildcard;
    private const ushort Exception = PublicSuffixRuleReader.Exception;

    private static readonly Lazy<PublicSuffixList> s_bundled = new(LoadBundled);

    private readonly DomainTable _rules;

    private PublicSuffixList(DomainTable rules) => _rules = rules;

    /// <summary>The copy bundled with Edge.Detect (see Intel/README.md for its version).</summary>
    public static PublicSuffixList Bundled => s_bundled.Value;

    public int RuleCount => _rules.Count;

    /// <summary>Compiles a list. Wildcard and exception rules (a few hundred) are gathered first, by
    /// name, because a normal rule of the same name must carry their kinds too; the ten thousand
    /// normal rules then go straight from the text into the table.</summary>
    public static PublicSuffixList Parse(Stream stream, bool includePrivate = true)
    {
        var text = ReadAll(stream);
        var special = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var reader = new PublicSuffixRuleReader(text, includePrivate);
        while (reader.TryNext(out var name, out var kind))
        {
            if (kind != PublicSuffixRuleReader.Normal)
            {
                var key = Key(name);
                special[key] = (ushort)(special.GetValueOrDefault(key) | kind);
            }
        }

        var builder = new DomainTableBuilder();
        var lookup = special.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[DomainName.MaxLength];
        reader = new PublicSuffixRuleReader(text, includePrivate);
        while (reader.TryNext(out var name, out var kind))
        {
            if (kind != PublicSuffixRuleReader.Normal)
                continue;
            Ascii.ToLower(name, chars, out var written);
            var key = chars[..written];
            if (lookup.TryGetValue(key, out var others))
            {
                kind |= (ushort)(others & ~Joined);
                lookup[key] = (ushort)(others | Joined);
            }
            builder.Add(name, kind);
        }
        foreach (var (name, kinds) in special)
        {
            if ((kinds & Joined) == 0)
                builder.Add(Encoding.ASCII.GetBytes(name), kinds);
        }
        return new PublicSuffixList(builder.Build([]));
    }

    // Marks a wildcard or exception name already added with its normal rule.
    private const ushort Joined = 0x8000;

    private static string Key(ReadOnlySpan<byte> name)
    {
        Span<char> chars = stackalloc char[DomainName.MaxLength];
        Ascii.ToLower(name, chars, out var written);
        return new string(chars[..written]);
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            var bytes = new byte[stream.Length - stream.Position];
            stream.ReadExactly(bytes);
            return bytes;
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Finds the registrable domain (eTLD+1) of <paramref name="name"/>: it starts at
    /// <paramref name="start"/> and runs to the end (less a trailing dot). False when the name is
    /// itself a public suffix or is not a well-formed name (empty label).</summary>
    public bool TryGetRegistrableDomain(ReadOnlySpan<byte> name, out int start)
    {
        start = 0;
        name = DomainName.TrimDot(name);
        if (name.IsEmpty || name.Length > DomainName.MaxLength || name[0] == (byte)'.' || name[^1] == (byte)'.')
            return false;
        var hash = SuffixHash.Seed;
        var labelEnd = name.Length;
        var parentFlags = 0;
        // The implicit rule "*" makes the last label a public suffix.
        var suffixStart = -1;
        for (var i = name.Length - 1; i >= 0; i--)
        {
            hash = SuffixHash.Step(hash, name[i]);
            if (i > 0 && name[i - 1] != (byte)'.')
                continue;
            if (i == labelEnd)
                return false;
            var flags = _rules.Find(SuffixHash.Finish(hash), name[i..]);
            flags = flags < 0 ? 0 : flags;
            if ((flags & Exception) != 0)
            {
                // An exception rule prevails: its parent is the public suffix.
                suffixStart = labelEnd + 1;
                break;
            }
            if (suffixStart < 0 || (flags & Normal) != 0 || (parentFlags & Wildcard) != 0)
                suffixStart = i;
            parentFlags = flags;
            labelEnd = i - 1;
        }
        if (suffixStart <= 0)
            return false;
        start = name[..(suffixStart - 1)].LastIndexOf((byte)'.') + 1;
        return true;
    }

    /// <summary>Splits a name into its registrable label and public suffix: for
    /// <c>www.dichvucong.gov.vn</c> the label <c>dichvucong</c> starts at <paramref name="labelStart"/>
    /// and the suffix <c>gov.vn</c> at <paramref name="suffixStart"/>. False as for
    /// <see cref="TryGetRegistrableDomain"/>.</summary>
    public bool TrySplit(ReadOnlySpan<byte> name, out int labelStart, out int labelLength, out int suffixStart)
    {
        labelLength = suffixStart = 0;
        if (!TryGetRegistrableDomain(name, out labelStart))
            return false;
        labelLength = name[labelStart..].IndexOf((byte)'.');
        if (labelLength <= 0)
            return false;
        suffixStart = labelStart + labelLength + 1;
        return true;
    }

    /// <summary>The registrable label of <paramref name="name"/> (<c>dichvucong</c> above).</summary>
    public bool TryGetRegistrableLabel(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> label)
    {
        label = default;
        if (!TrySplit(name, out var start, out var length, out _))
            return false;
        label = name.Slice(start, length);
        return true;
    }

    private static PublicSuffixList LoadBundled()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream("Edge.Detect.Intel.Data.public_suffix_list.dat")
            ?? throw new InvalidOperationException("public_suffix_list.dat is not embedded");
        return Parse(stream);
    }
}

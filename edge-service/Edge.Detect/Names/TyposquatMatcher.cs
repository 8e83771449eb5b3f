using System.Text;
using Edge.Detect.Intel;

namespace Edge.Detect.Names;

/// <summary>Finds names that imitate protected registrable domains: one edit (Damerau-Levenshtein
/// distance 1) of the registrable label under the same public suffix, an ASCII or IDN homograph
/// (punycode decoded per RFC 3492, then compared by skeleton), or the same label under another
/// suffix. The protected domains and their subdomains never match.</summary>
public sealed class TyposquatMatcher
{
    /// <summary>RFC 1035 §2.3.4: a label is at most 63 octets.</summary>
    private const int MaxLabelLength = 63;

    /// <summary>A shorter label under another suffix (mps.com for mps.gov.vn) is too likely someone else's.</summary>
    private const int MinTldSwapLabelLength = 6;

    private readonly ProtectedDomain[] _domains;
    private readonly PublicSuffixList _suffixes;

    /// <summary>Protected registrable domains in ASCII (or xn-- punycode), e.g. <c>dichvucong.gov.vn</c>.</summary>
    public TyposquatMatcher(IEnumerable<string> protectedDomains, PublicSuffixList? suffixes = null)
    {
        _suffixes = suffixes ?? PublicSuffixList.Bundled;
        _domains = [.. protectedDomains.Select(Prepare)];
    }

    public int Count => _domains.Length;

    public string this[int protectedIndex] => _domains[protectedIndex].Name;

    /// <summary>Matches a name as DNS, TLS SNI or an HTTP Host give it (ASCII, punycode as sent, any
    /// case, optional trailing dot). Allocates nothing.</summary>
    public bool TryMatch(ReadOnlySpan<byte> name, out int protectedIndex, out SquatKind kind)
    {
        protectedIndex = -1;
        kind = SquatKind.None;
        if (!_suffixes.TrySplit(name, out var labelStart, out var labelLength, out var suffixStart) || labelLength > MaxLabelLength)
            return false;
        var suffix = name[suffixStart..].TrimEnd((byte)'.');
        Span<byte> label = stackalloc byte[labelLength];
        for (var i = 0; i < labelLength; i++)
        {
            var octet = name[labelStart + i];
            label[i] = octet is >= (byte)'A' and <= (byte)'Z' ? (byte)(octet | 0x20) : octet;
        }
        var isIdn = Punycode.HasAcePrefix(label);
        if (!CouldMatchAny(label, suffix, isIdn))
            return false;
        Span<byte> skeleton = stackalloc byte[MaxLabelLength];
        int skeletonLength;
        if (isIdn)
        {
            Span<int> codePoints = stackalloc int[MaxLabelLength];
            if (!Punycode.TryDecode(label[4..], codePoints, out var decoded))
                return false;
            skeletonLength = Skeleton.Write(codePoints[..decoded], skeleton);
        }
        else
        {
            skeletonLength = Skeleton.Write(label, skeleton);
        }
        skeleton = skeleton[..skeletonLength];

        foreach (var domain in _domains)
        {
            if (label.SequenceEqual(domain.Label) && Ascii.EqualsIgnoreCase(suffix, domain.Suffix))
                return false;
        }
        for (var index = 0; index < _domains.Length; index++)
        {
            kind = Classify(_domains[index], label, skeleton, isIdn, suffix);
            if (kind != SquatKind.None)
            {
                protectedIndex = index;
                return true;
            }
        }
        return false;
    }

    /// <summary>Cheap gate before the skeleton: a squat keeps the protected suffix (or the whole label,
    /// for a TLD swap) and, unless it is an IDN, a label within two characters of the original's
    /// length (one edit, or a two-letter lookalike such as "rn" for "m").</summary>
    private bool CouldMatchAny(ReadOnlySpan<byte> label, ReadOnlySpan<byte> suffix, bool isIdn)
    {
        foreach (var domain in _domains)
        {
            if (label.SequenceEqual(domain.Label))
                return true;
            if ((isIdn || Math.Abs(label.Length - domain.Label.Length) <= 2) && Ascii.EqualsIgnoreCase(suffix, domain.Suffix))
                return true;
        }
        return false;
    }

    private static SquatKind Classify(ProtectedDomain domain, ReadOnlySpan<byte> label, ReadOnlySpan<byte> skeleton, bool isIdn, ReadOnlySpan<byte> suffix)
    {
        if (!Ascii.EqualsIgnoreCase(suffix, domain.Suffix))
        {
            var swapped = label.SequenceEqual(domain.Label) && domain.Label.Length >= MinTldSwapLabelLength;
            return swapped ? SquatKind.TldSwap : SquatKind.None;
        }
        if (isIdn)
        {
            var lookalike = skeleton.SequenceEqual(domain.Skeleton) || SingleEdit.Find(skeleton, domain.Skeleton, out _) != EditOp.None;
            return lookalike ? SquatKind.Idn : SquatKind.None;
        }
        if (skeleton.SequenceEqual(domain.Skeleton))
            return SquatKind.Homoglyph;
        var edit = SingleEdit.Find(label, domain.Label, out var position);
        return SquatEdits.Classify(edit, label, domain.Label, position);
    }

    private ProtectedDomain Prepare(string domain)
    {
        var name = Encoding.ASCII.GetBytes(domain.Trim().ToLowerInvariant());
        if (!Ascii.IsValid(domain) || !_suffixes.TrySplit(name, out var start, out var length, out var suffixStart) || length > MaxLabelLength)
            throw new ArgumentException($"'{domain}' is not an ASCII registrable domain", nameof(domain));
        var label = name.AsSpan(start, length);
        var registrable = name.AsSpan(start).TrimEnd((byte)'.');
        if (start != 0)
            throw new ArgumentException($"'{domain}' is a subdomain; protect its registrable domain '{Encoding.ASCII.GetString(registrable)}'", nameof(domain));
        Span<byte> skeleton = stackalloc byte[MaxLabelLength];
        Span<int> codePoints = stackalloc int[MaxLabelLength];
        int skeletonLength;
        if (Punycode.HasAcePrefix(label) && Punycode.TryDecode(label[4..], codePoints, out var decoded))
            skeletonLength = Skeleton.Write(codePoints[..decoded], skeleton);
        else
            skeletonLength = Skeleton.Write(label, skeleton);
        return new ProtectedDomain(Encoding.ASCII.GetString(registrable), label.ToArray(), skeleton[..skeletonLength].ToArray(),
            name.AsSpan(suffixStart).TrimEnd((byte)'.').ToArray());
    }
}

using System.Globalization;

namespace Edge.Firmware.Versions;

/// <summary>A Semantic Versioning 2.0.0 version: MAJOR.MINOR.PATCH[-pre-release][+build].
/// Ordering follows SemVer §11 (build metadata is ignored).</summary>
public sealed class SemVersion : IComparable<SemVersion>, IEquatable<SemVersion>
{
    public const int MaxLength = 128;

    private readonly string[] _preRelease;

    private SemVersion(ulong major, ulong minor, ulong patch, string[] preRelease, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        _preRelease = preRelease;
        Text = text;
    }

    public ulong Major { get; }
    public ulong Minor { get; }
    public ulong Patch { get; }
    public string Text { get; }
    public bool IsPreRelease => _preRelease.Length > 0;

    public static SemVersion Parse(string text) =>
        TryParse(text, out var version, out var reason) ? version : throw new FormatException(reason);

    public static bool TryParse(string? text, out SemVersion version, out string reason)
    {
        version = null!;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            reason = $"a version is 1 to {MaxLength} characters";
            return false;
        }
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var core = plus < 0 ? text : text[..plus];
        // SemVer §10: build metadata is dot-separated [0-9A-Za-z-] identifiers, none empty.
        if (plus >= 0 && !Identifiers(text[(plus + 1)..], numericRule: false, out _))
        {
            reason = $"'{text}': build metadata must be dot-separated identifiers of [0-9A-Za-z-]";
            return false;
        }
        var dash = core.IndexOf('-', StringComparison.Ordinal);
        var numbers = dash < 0 ? core : core[..dash];
        string[] pre = [];
        // SemVer §9: pre-release identifiers, numeric ones without leading zeros.
        if (dash >= 0 && !Identifiers(core[(dash + 1)..], numericRule: true, out pre))
        {
            reason = $"'{text}': pre-release must be dot-separated identifiers of [0-9A-Za-z-], numbers without leading zeros";
            return false;
        }
        var parts = numbers.Split('.');
        if (parts.Length != 3 || !Number(parts[0], out var major) || !Number(parts[1], out var minor) || !Number(parts[2], out var patch))
        {
            reason = $"'{text}' is not MAJOR.MINOR.PATCH (SemVer 2.0.0, numbers without leading zeros)";
            return false;
        }
        version = new SemVersion(major, minor, patch, pre, text);
        reason = "";
        return true;
    }

    public int CompareTo(SemVersion? other)
    {
        if (other is null)
            return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0)
            return c;
        // SemVer §11.3: a pre-release sorts before its release.
        if (_preRelease.Length == 0 || other._preRelease.Length == 0)
            return other._preRelease.Length.CompareTo(_preRelease.Length);
        for (var i = 0; i < Math.Min(_preRelease.Length, other._preRelease.Length); i++)
        {
            c = CompareIdentifier(_preRelease[i], other._preRelease[i]);
            if (c != 0)
                return c;
        }
        return _preRelease.Length.CompareTo(other._preRelease.Length);
    }

    public bool Equals(SemVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => Equals(obj as SemVersion);
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', _preRelease));
    public override string ToString() => Text;

    public static bool operator <(SemVersion left, SemVersion right) => left.CompareTo(right) < 0;
    public static bool operator >(SemVersion left, SemVersion right) => left.CompareTo(right) > 0;
    public static bool operator <=(SemVersion left, SemVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >=(SemVersion left, SemVersion right) => left.CompareTo(right) >= 0;
    public static bool operator ==(SemVersion? left, SemVersion? right) => left?.Equals(right) ?? right is null;
    public static bool operator !=(SemVersion? left, SemVersion? right) => !(left == right);

    // SemVer §11.4: numeric identifiers compare numerically and sort before alphanumeric ones.
    private static int CompareIdentifier(string a, string b)
    {
        var aNumeric = IsDigits(a);
        var bNumeric = IsDigits(b);
        if (aNumeric && bNumeric)
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        if (aNumeric != bNumeric)
            return aNumeric ? -1 : 1;
        return string.CompareOrdinal(a, b);
    }

    private static bool Number(string s, out ulong value)
    {
        value = 0;
        return IsDigits(s) && (s.Length == 1 || s[0] != '0')
            && ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool Identifiers(string s, bool numericRule, out string[] identifiers)
    {
        identifiers = s.Split('.');
        foreach (var id in identifiers)
        {
            if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                return false;
            if (numericRule && IsDigits(id) && id.Length > 1 && id[0] == '0')
                return false;
        }
        return true;
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}

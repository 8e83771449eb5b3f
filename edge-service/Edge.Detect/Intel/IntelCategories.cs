namespace Edge.Detect.Intel;

/// <summary>Category names and how a file name implies one: "mining.txt", "phishing-2024.txt",
/// "cnc_feed.hosts" (the name, or its part before '-', '_' or '.').</summary>
public static class IntelCategories
{
    public const string Phishing = "phishing";
    public const string Cnc = "cnc";
    public const string Botnet = "botnet";
    public const string Mining = "mining";
    public const string Malware = "malware";
    public const string TyposquatProtected = "typosquat-protected";
    public const string Doh = "doh";
    public const string Benign = "benign";

    public static IReadOnlyList<string> Known { get; } = [Phishing, Cnc, Botnet, Mining, Malware, TyposquatProtected, Doh, Benign];

    /// <summary>The category a list file's name implies, or null.</summary>
    public static string? FromFileName(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        foreach (var known in Known)
        {
            if (Implies(name, known))
                return known;
        }
        if (Implies(name, "protected") || Implies(name, "typosquat"))
            return TyposquatProtected;
        if (Implies(name, "allow") || Implies(name, "allowlist") || Implies(name, "whitelist"))
            return Benign;
        if (Implies(name, "c2") || Implies(name, "c&c"))
            return Cnc;
        return null;
    }

    /// <summary>The lower-case form of a category column, one string per distinct name.</summary>
    internal static string Normalize(ReadOnlySpan<byte> column)
    {
        foreach (var known in Known)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(column, known))
                return known;
        }
        return System.Text.Encoding.ASCII.GetString(column).ToLowerInvariant();
    }

    private static bool Implies(string name, string category) =>
        name.StartsWith(category, StringComparison.Ordinal)
        && (name.Length == category.Length || name[category.Length] is '-' or '_' or '.');
}

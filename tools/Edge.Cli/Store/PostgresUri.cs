namespace Edge.Cli.Store;

/// <summary><c>postgresql://user:password@host:port/database?sslmode=require</c> (libpq's URI form) as an
/// Npgsql connection string; a keyword string (<c>Host=…</c>) passes through unchanged.</summary>
public static class PostgresUri
{
    public static string ToConnectionString(string target)
    {
        if (!target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            return target;
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri))
            throw new ArgumentException("the PostgreSQL URI does not parse (postgresql://user:password@host:port/database)", nameof(target));
        var parts = new List<string> { $"Host={uri.Host}" };
        if (uri.Port > 0)
            parts.Add($"Port={uri.Port}");
        var database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
            parts.Add($"Database={Uri.UnescapeDataString(database)}");
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            parts.Add($"Username={Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon])}");
            if (colon >= 0)
                parts.Add($"Password={Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..])}");
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && string.Equals(pair[..eq], "sslmode", StringComparison.OrdinalIgnoreCase))
                parts.Add($"SSL Mode={Uri.UnescapeDataString(pair[(eq + 1)..])}");
        }
        return string.Join(';', parts);
    }
}

namespace Edge.Cli.Store;

/// <summary>The two databases the incident store runs on, and the few places their SQL differs.
/// Everything else (tables, upserts with <c>ON CONFLICT</c>, <c>@name</c> parameters) is shared.</summary>
public enum StoreDialect
{
    Sqlite,
    Postgres,
}

public static class StoreSql
{
    /// <summary>The larger of two values in one row (<c>max(a, b)</c> in SQLite, <c>GREATEST</c> in PostgreSQL).</summary>
    public static string Greatest(this StoreDialect dialect, string a, string b) =>
        dialect == StoreDialect.Postgres ? $"GREATEST({a}, {b})" : $"max({a}, {b})";

    public static string Least(this StoreDialect dialect, string a, string b) =>
        dialect == StoreDialect.Postgres ? $"LEAST({a}, {b})" : $"min({a}, {b})";

    /// <summary>A surrogate key column.</summary>
    public static string AutoId(this StoreDialect dialect) =>
        dialect == StoreDialect.Postgres ? "id BIGSERIAL PRIMARY KEY" : "id INTEGER PRIMARY KEY AUTOINCREMENT";

    public static string Blob(this StoreDialect dialect) => dialect == StoreDialect.Postgres ? "BYTEA" : "BLOB";

    public static string Double(this StoreDialect dialect) => dialect == StoreDialect.Postgres ? "DOUBLE PRECISION" : "REAL";
}

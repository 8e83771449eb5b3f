using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Edge.Cli.Store;

/// <summary>Where the incident team's records live: a SQLite file (WAL) by default, PostgreSQL when
/// given a connection string (<c>Host=…;Database=…</c> or <c>postgresql://…</c>). Same schema and
/// migrations on both (<see cref="StoreMigrations"/>). Each caller opens its own connection.</summary>
public sealed class IncidentStore : IDisposable
{
    public const string DefaultFile = "edge-incident.db";

    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private IncidentStore(StoreDialect dialect, string description, NpgsqlDataSource? postgres, string? sqlite)
    {
        Dialect = dialect;
        Description = description;
        _postgres = postgres;
        _sqlite = sqlite;
    }

    public StoreDialect Dialect { get; }

    /// <summary>The file, or the PostgreSQL host and database, never a password.</summary>
    public string Description { get; }

    /// <summary>Opens (creating a SQLite file if needed) and migrates the store.</summary>
    /// <param name="target">A file path, a PostgreSQL connection string or URI, or null for <see cref="DefaultFile"/>.</param>
    /// <exception cref="ArgumentException">The connection string does not parse.</exception>
    /// <exception cref="DbException">The database cannot be reached or migrated.</exception>
    public static IncidentStore Open(string? target)
    {
        var store = Create(target);
        try
        {
            using var connection = store.OpenConnection();
            StoreMigrations.Apply(connection, store.Dialect);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public static bool IsPostgres(string target) =>
        target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || target.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    private static IncidentStore Create(string? target)
    {
        target ??= DefaultFile;
        if (!IsPostgres(target))
        {
            var path = Path.GetFullPath(target);
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWriteCreate,
                DefaultTimeout = 30,
            }.ToString();
            return new IncidentStore(StoreDialect.Sqlite, path, null, connection);
        }
        var builder = new NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(target));
        var description = $"postgresql {builder.Host}:{builder.Port}/{builder.Database}";
        return new IncidentStore(StoreDialect.Postgres, description, new NpgsqlDataSourceBuilder(builder.ConnectionString).Build(), null);
    }

    /// <summary>An open connection; SQLite ones in WAL with a busy timeout, so a collector writing and
    /// a report reading never block each other for long.</summary>
    public DbConnection OpenConnection()
    {
        if (_postgres is not null)
            return _postgres.OpenConnection();
        var connection = new SqliteConnection(_sqlite);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    public void Dispose() => _postgres?.Dispose();
}

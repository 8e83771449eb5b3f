using System.Globalization;
using Edge.Cli.Store;

namespace Edge.Cli.Tests.Store;

/// <summary>An incident store in a SQLite file of its own, deleted on dispose, and a way to read it back
/// as text: cells joined by spaces, rows by "; ".</summary>
internal sealed class TempStore : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-store-");

    public TempStore() => Store = IncidentStore.Open(Path.Combine(_work.FullName, "incident.db"));

    public IncidentStore Store { get; }

    public string Query(string sql)
    {
        using var connection = Store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
            rows.Add(string.Join(' ', cells));
        }
        return string.Join("; ", rows);
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }
}

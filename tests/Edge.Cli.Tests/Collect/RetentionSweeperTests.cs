using System.Data.Common;
using System.Globalization;
using Edge.Cli.Collect;
using Edge.Cli.Store;
using Edge.Cli.Tests.Store;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Cli.Tests.Collect;

public sealed class RetentionSweeperTests : IDisposable
{
    private static readonly DateTimeOffset Now = StoreFixtures.Start.AddDays(100);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-retention-");
    private readonly IncidentStore _store;

    public RetentionSweeperTests() => _store = IncidentStore.Open(Path.Combine(_work.FullName, "incident.db"));

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
    }

    [Fact]
    public void Nothing_is_deleted_before_a_report_covers_it_however_old()
    {
        Alerts(("01J00000000000000000000001", "town-a", 0, 0));

        Assert.Equal(0, Sweeper(30).Sweep());
        Assert.Equal("01J00000000000000000000001", Ids());
    }

    [Fact]
    public void An_old_alert_covered_by_a_report_for_its_agency_or_all_agencies_goes_the_rest_stays()
    {
        Alerts(
            ("01J00000000000000000000001", "town-a", 0, 60),      // old, covered by town-a's report
            ("01J00000000000000000000002", "town-b", 0, 60),      // old, covered by the all-agencies report only from day 1
            ("01J00000000000000000000003", "town-c", 2 * 1440, 2 * 1440), // old, covered by the all-agencies report
            ("01J00000000000000000000004", "town-a", 95 * 1440, 95 * 1440), // covered but younger than 30 days
            ("01J00000000000000000000005", "town-a", 720, 41 * 1440)); // old, but no one report holds its first and last sighting
        Report(0, 40, "town-a");
        Report(1, 99, null);

        Assert.Equal(2, Sweeper(30).Sweep());

        Assert.Equal("01J00000000000000000000002 01J00000000000000000000004 01J00000000000000000000005", Ids());
    }

    [Fact]
    public void A_report_for_another_agency_covers_nothing_here()
    {
        Alerts(("01J00000000000000000000001", "town-a", 0, 0));
        Report(0, 99, "town-b");

        Assert.Equal(0, Sweeper(30).Sweep());
    }

    [Fact]
    public void The_report_period_is_half_open_an_alert_last_seen_at_its_end_is_not_covered()
    {
        Alerts(("01J00000000000000000000001", "town-a", 0, 10 * 1440));
        Report(0, 10, "town-a");

        Assert.Equal(0, Sweeper(30).Sweep());
    }

    [Fact]
    public void Many_alerts_go_in_chunks()
    {
        var many = Enumerable.Range(0, RetentionSweeper.ChunkSize * 2 + 7)
            .Select(i => ($"01J{i:D23}", "town-a", 0.0, 0.0)).ToArray();
        Alerts(many);
        Report(0, 1, null);

        Assert.Equal(many.Length, Sweeper(30).Sweep());
        Assert.Equal("", Ids());
    }

    private RetentionSweeper Sweeper(int days) => new(_store, days, new FakeTimeProvider(Now));

    private void Alerts(params (string Id, string Agency, double FirstMinutes, double LastMinutes)[] alerts)
    {
        using var writer = new StoreWriter(_store);
        var batch = new IncomingBatch();
        foreach (var (id, agency, first, last) in alerts)
            batch.Alerts.Add(StoreFixtures.Alert(id, agency: agency, minutes: first, lastMinutes: last));
        writer.Write(batch);
    }

    private void Report(int fromDay, int toDay, string? agency)
    {
        using var connection = _store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO reports (period_from, period_to, agency, format, generated_at) VALUES (@f, @t, @a, 'md', 0)";
        Parameters.Add(command, "@f", StoreFixtures.Start.AddDays(fromDay).ToUnixTimeMilliseconds());
        Parameters.Add(command, "@t", StoreFixtures.Start.AddDays(toDay).ToUnixTimeMilliseconds());
        Parameters.Add(command, "@a", agency);
        command.ExecuteNonQuery();
    }

    private string Ids()
    {
        using var connection = _store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM alerts ORDER BY id";
        using DbDataReader reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return string.Join(' ', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
    }
}

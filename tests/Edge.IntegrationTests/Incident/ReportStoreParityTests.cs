using System.Text.RegularExpressions;
using Edge.Cli.Reports;
using Edge.Cli.Store;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary>The same input stored in SQLite and in a real PostgreSQL gives the same report, byte for
/// byte, apart from the header line naming the store. The PostgreSQL database sorts text the way
/// American English does (ICU en-US), so a report that let the database's collation decide an order
/// would differ.</summary>
public sealed class ReportStoreParityTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 7, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-report-parity-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Sqlite_and_postgresql_give_identical_md_csv_and_html_reports()
    {
        PostgresProcess.RequireInstalled();
        await using var postgres = await PostgresProcess.StartAsync("incident", icuLocale: "en-US");
        using var sqlite = IncidentStore.Open(Path.Combine(_work.FullName, "incident.db"));
        using var pg = IncidentStore.Open(postgres.ConnectionString("incident"));
        Fill(sqlite);
        Fill(pg);

        Assert.True(ReportPeriod.TryParseHalf("2026-H1", TimeSpan.FromHours(7), out var h1, out _));
        Assert.True(ReportPeriod.TryParseYear("2026", TimeSpan.FromHours(7), out var year, out _));
        foreach (var request in new[]
        {
            new ReportRequest(h1, null, ReportFormat.Csv), new ReportRequest(h1, null, ReportFormat.Md), new ReportRequest(h1, null, ReportFormat.Html),
            new ReportRequest(year, "town-a", ReportFormat.Md, Top: 3), new ReportRequest(year, "town-b", ReportFormat.Html),
        })
        {
            var fromSqlite = new ReportGenerator(sqlite, new FixedTime(Now)).Render(request).Text;
            var fromPostgres = new ReportGenerator(pg, new FixedTime(Now)).Render(request).Text;
            Assert.Equal(WithoutStore(fromSqlite), WithoutStore(fromPostgres));
            if (request.Format != ReportFormat.Csv)
                Assert.Contains(sqlite.Description, fromSqlite, StringComparison.Ordinal);
        }

        // The input is rich enough for the comparison to mean something.
        var (csv, report) = new ReportGenerator(pg, new FixedTime(Now)).Render(new ReportRequest(h1, null, ReportFormat.Md));
        Assert.Equal(["city-9", "town-a", "town-b"], report.Header.Agencies);
        Assert.True(report.Province.Figures.Sum(f => f.Alerts) > 800, csv);
        Assert.Contains(report.Agencies.SelectMany(a => a.Tops).SelectMany(t => t.Indicators), e => e.Value == "Login-Bank.example");
        Assert.Equal(1, report.Province.SensorEvents);
        Assert.Contains(report.Agencies.SelectMany(a => a.Sensors), s => s.Gaps.Count >= 2);
    }

    [Fact]
    public async Task Edgectl_report_against_postgresql_writes_the_file_and_records_the_report()
    {
        PostgresProcess.RequireInstalled();
        string folder;
        await using (var postgres = await PostgresProcess.StartAsync("incident"))
        {
            folder = postgres.Directory.FullName;
            var connection = postgres.ConnectionString("incident");
            using (var store = IncidentStore.Open(connection))
                Fill(store);
            var output = Path.Combine(_work.FullName, "h1.html");

            var run = ToolRun.Run("dotnet", _work.FullName, TimeSpan.FromMinutes(2), "exec", Path.Combine(AppContext.BaseDirectory, "edgectl.dll"),
                "report", "--half", "2026-H1", "--utc-offset", "+07:00", "--format", "html", "--out", output, "--store", connection);

            Assert.True(run.ExitCode == 0, run.Output);
            Assert.DoesNotContain(connection, run.Output, StringComparison.Ordinal);
            var html = File.ReadAllText(output);
            Assert.Contains("postgresql 127.0.0.1:" + postgres.Port + "/incident", html, StringComparison.Ordinal);
            Assert.Equal(4, Regex.Count(html, "src=\"data:image/png;base64,"));
            using var check = IncidentStore.Open(connection);
            using var db = check.OpenConnection();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM reports WHERE agency IS NULL AND format = 'html' AND period_from = "
                + ReportInput.Start.ToUnixTimeMilliseconds() + " AND period_to = " + ReportInput.Start.AddMonths(6).ToUnixTimeMilliseconds();
            Assert.Equal(1L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.False(Directory.Exists(folder), "the cluster's folder is deleted on dispose");
    }

    private static void Fill(IncidentStore store)
    {
        using var writer = new StoreWriter(store);
        foreach (var batch in ReportInput.Batches())
            writer.Write(batch);
    }

    private static string WithoutStore(string text) => Regex.Replace(text, "(?m)^.*Store.*(/incident|incident\\.db).*$", "STORE");
}

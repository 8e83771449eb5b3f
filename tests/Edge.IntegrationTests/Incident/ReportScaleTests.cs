using System.Diagnostics;
using System.Globalization;
using System.Text;
using Edge.Cli.Reports;
using Edge.Cli.Store;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary>Opt-in measurement: a year of a province (100 agencies with a sensor each, 5 million
/// alerts by default) bulk-loaded by SQL into SQLite and a real PostgreSQL, then the yearly report
/// timed in every format. Run with
/// <c>EDGE_REPORT_SCALE=5000000 dotnet test -- --filter-class '*ReportScaleTests*'</c> (about 15
/// minutes on 2 cores; the figures go to the test output and to <c>$EDGE_REPORT_SCALE_LOG</c> if set).
/// Skipped otherwise. The same generated rows go into both databases, so their csv must agree too.</summary>
public sealed class ReportScaleTests : IDisposable
{
    private const int Agencies = 100;
    private static readonly DateTimeOffset Year = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-report-scale-");
    private readonly StringBuilder _log = new();

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task A_year_of_a_province_reports_in_every_format_from_sqlite_and_postgresql()
    {
        if (!long.TryParse(Environment.GetEnvironmentVariable("EDGE_REPORT_SCALE"), CultureInfo.InvariantCulture, out var alerts) || alerts < 1000)
            Assert.Skip("opt-in measurement: set EDGE_REPORT_SCALE to the number of alerts (5000000 for a province's year)");
        PostgresProcess.RequireInstalled();
        await using var postgres = await PostgresProcess.StartAsync("incident");
        var sqlitePath = Path.Combine(_work.FullName, "incident.db");
        using var sqlite = IncidentStore.Open(sqlitePath);
        using var pg = IncidentStore.Open(postgres.ConnectionString("incident"));

        Time($"load {alerts:N0} alerts into SQLite", () => Load(sqlite, alerts));
        Time($"load {alerts:N0} alerts into PostgreSQL (then VACUUM ANALYZE)", () =>
        {
            Load(pg, alerts);
            Execute(pg, "VACUUM ANALYZE");
        });
        Note($"SQLite file {new FileInfo(sqlitePath).Length / 1_000_000.0:N0} MB");

        Assert.True(ReportPeriod.TryParseYear("2026", TimeSpan.Zero, out var year, out _));
        var csv = new Dictionary<StoreDialect, string>();
        foreach (var store in new[] { sqlite, pg })
        {
            foreach (var request in new[]
            {
                new ReportRequest(year, null, ReportFormat.Csv), new ReportRequest(year, null, ReportFormat.Md),
                new ReportRequest(year, null, ReportFormat.Html), new ReportRequest(year, "agency-042", ReportFormat.Html),
            })
            {
                string text = "";
                IncidentReport? report = null;
                Time($"{store.Dialect} {request.Format} {request.Agency ?? "all agencies"}", () => (text, report) = new ReportGenerator(store, new FixedTime(Year.AddYears(1))).Render(request));
                Note($"  {Encoding.UTF8.GetByteCount(text):N0} bytes, {report!.Province.Figures.Sum(f => f.Alerts):N0} alerts");
                if (request is { Format: ReportFormat.Csv })
                    csv[store.Dialect] = text;
            }
        }
        Assert.Equal(csv[StoreDialect.Sqlite], csv[StoreDialect.Postgres]);
        Assert.Equal(Agencies * 11 + 1, csv[StoreDialect.Sqlite].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        if (Environment.GetEnvironmentVariable("EDGE_REPORT_SCALE_LOG") is { Length: > 0 } logFile)
            await File.WriteAllTextAsync(logFile, _log.ToString(), TestContext.Current.CancellationToken);
    }

    private void Time(string what, Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        Note($"{what}: {clock.Elapsed.TotalSeconds:N1} s");
    }

    private void Note(string line)
    {
        _log.AppendLine(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }

    /// <summary>Alerts spread evenly over the year in arrival order (as a collector writes them), with
    /// agency, category (weighted as a province sees them), indicator (2,000 per category; DGA names
    /// all different), host (250 per agency) and count drawn from multiplicative hashes of the row
    /// number, so both databases get the same rows; ~600-byte payloads; presence with daily silences
    /// of 0 to 19 minutes.</summary>
    private static void Load(IncidentStore store, long alerts)
    {
        var postgres = store.Dialect == StoreDialect.Postgres;
        var rows = postgres ? $"generate_series(0::bigint, {alerts - 1}) AS g(i)"
            : $"(WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < {alerts - 1}) SELECT i FROM g)";
        var step = Year.AddYears(1).ToUnixTimeMilliseconds() - Year.ToUnixTimeMilliseconds();
        var concat = postgres ? "lpad(i::text, 23, '0')" : "printf('%023d', i)";
        var pad = new string('x', 480);
        var h1 = "((i * 2654435761) % 4294967296)";
        var h2 = "((i * 40503 + 7) % 65521)";
        var category = $"""
            CASE WHEN {h1} / 100 % 100 < 30 THEN 'phishing' WHEN {h1} / 100 % 100 < 45 THEN 'mining' WHEN {h1} / 100 % 100 < 55 THEN 'cnc'
                 WHEN {h1} / 100 % 100 < 58 THEN 'wannacry' WHEN {h1} / 100 % 100 < 68 THEN 'botnet' WHEN {h1} / 100 % 100 < 78 THEN 'dga'
                 WHEN {h1} / 100 % 100 < 81 THEN 'dns-tunnel' WHEN {h1} / 100 % 100 < 88 THEN 'scan' WHEN {h1} / 100 % 100 < 92 THEN 'doh-bypass'
                 WHEN {h1} / 100 % 100 < 97 THEN 'typosquat' ELSE 'malware' END
            """;
        var agency = postgres ? $"'agency-' || lpad(({h1} % {Agencies})::text, 3, '0')" : $"printf('agency-%03d', {h1} % {Agencies})";
        var indicator = $"CASE WHEN {h1} / 100 % 100 BETWEEN 68 AND 77 THEN 'dga-' || i || '.example' ELSE 'site-' || ({h2} % 2000) || '.example' END";
        Execute(store, $"""
            INSERT INTO alerts (id, agency, sensor, category, severity, rule_id, rule_name, indicator, kind, src_ip, src_port, dst_ip, dst_port,
                proto, qname, sni, http_host, intel_list, blocked, first_seen, last_seen, count, received_at, updated_at, deliveries, payload)
            SELECT '01J' || {concat}, a, 'gw-1', c, 'high', 'edge.intel.dns', 'Lookup of a listed name', ind, 'dns-query',
                '10.' || ({h1} % {Agencies}) || '.' || ({h2} / 7 % 250) || '.' || 1, 50000, '192.0.2.53', 53, 'UDP', ind, NULL, NULL, c, 0,
                t, t + 1000, 1 + {h2} % 5, t + 2000, t + 2000, 1, '{"{"}"schema":"edge.alert/1","evidence":"{pad}"{"}"}'
            FROM (SELECT i, {agency} AS a, {category} AS c, {indicator} AS ind, {Year.ToUnixTimeMilliseconds()} + i * {step} / {alerts} AS t FROM {rows}) x
            """);
        var days = postgres ? "generate_series(0::bigint, 364) AS d(d)" : "(WITH RECURSIVE d(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM d WHERE d < 364) SELECT d FROM d)";
        var agencies = postgres ? $"generate_series(0, {Agencies - 1}) AS n(n)" : $"(WITH RECURSIVE n(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM n WHERE n < {Agencies - 1}) SELECT n FROM n)";
        var name = postgres ? "'agency-' || lpad(n::text, 3, '0')" : "printf('agency-%03d', n)";
        Execute(store, $"INSERT INTO sensors (agency, sensor, online, first_heard) SELECT {name}, 'gw-1', 1, {Year.ToUnixTimeMilliseconds() - 86_400_000} FROM {agencies}");
        Execute(store, $"""
            INSERT INTO presence (agency, sensor, start_ms, end_ms)
            SELECT {name}, 'gw-1', {Year.ToUnixTimeMilliseconds()} + d * 86400000 + ((n * 31 + d * 17) % 20) * 60000, {Year.ToUnixTimeMilliseconds()} + (d + 1) * 86400000
            FROM {agencies} CROSS JOIN {days}
            """);
    }

    private static void Execute(IncidentStore store, string sql)
    {
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}

using Edge.Cli.Reports;
using Edge.Cli.Store;
using static Edge.Cli.Tests.Reports.ReportFixtures;

namespace Edge.Cli.Tests.Reports;

public sealed class ReportReaderTests : IDisposable
{
    private static readonly DateTimeOffset Feb2 = new(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-report-");
    private readonly IncidentStore _store;

    public ReportReaderTests() => _store = IncidentStore.Open(Path.Combine(_work.FullName, "incident.db"));

    public void Dispose()
    {
        _store.Dispose();
        _work.Delete(recursive: true);
    }

    private void WriteCommonSet()
    {
        Write(_store,
            Alert(1, "phishing", "login-bank.example", "10.0.0.5", Feb2, count: 3),
            Alert(2, "phishing", "login-bank.example", "10.0.0.5", Feb2.AddHours(6)),
            Alert(3, "phishing", "login-bank.example", "10.0.0.5", Feb2.AddDays(1)),
            Alert(4, "phishing", "pay-verify.example", "10.0.0.6", Feb2.AddDays(1)),
            Alert(5, "mining", "198.51.100.32:3333", "10.0.0.7", Feb2, count: 40),
            Alert(6, "sensor", "2.1.0", null, Feb2),
            Alert(7, "phishing", "login-bank.example", "10.0.0.5", H1.From.AddSeconds(-1)),
            Alert(8, "phishing", "login-bank.example", "10.0.0.5", H1.To),
            Alert(9, "phishing", "login-bank.example", "10.0.0.8", H1.From),
            Alert(10, "phishing", "login-bank.example", "10.0.0.5", Feb2, agency: "town-b", sensor: "gw-9"));
        // The sensor's count update and a broker re-delivery of alert 1: the same id, one alert.
        Write(_store, Alert(1, "phishing", "login-bank.example", "10.0.0.5", Feb2, count: 5, minutes: 3), Alert(1, "phishing", "login-bank.example", "10.0.0.5", Feb2, count: 5, minutes: 3));
    }

    [Fact]
    public void Figures_count_alert_ids_distinct_indicators_hosts_and_host_indicator_days_within_the_period()
    {
        WriteCommonSet();

        var data = new ReportReader(_store).Read(H1, agency: null, top: 10);

        var phishing = data.Figures.Single(f => f.Agency == "town-a" && f.Category == "phishing");
        // Alerts 1, 2, 3, 4 and 9 (7 is before the period, 8 at its excluded end); 2 sites; hosts .5 .6 .8;
        // connections (.5, login, 2 Feb) (.5, login, 3 Feb) (.6, pay, 3 Feb) (.8, login, 1 Jan); sightings 5+1+1+1+1.
        Assert.Equal(new CategoryFigures("town-a", "phishing", 5, 2, 3, 4, 9), phishing);
        Assert.Equal(new CategoryFigures("town-a", "mining", 1, 1, 1, 1, 40), data.Figures.Single(f => f.Agency == "town-a" && f.Category == "mining"));
        Assert.DoesNotContain(data.Figures, f => f.Category == "sensor");
        Assert.Equal(2, data.ProvinceIndicators["phishing"]);
        Assert.Equal([new SensorEvent("town-a", "gw-1", Feb2.ToUnixTimeMilliseconds(), "high", "Firmware update rolled back", "2.1.0")], data.SensorEvents);
    }

    [Fact]
    public void Top_lists_rank_by_alerts_then_name_and_stop_at_the_limit()
    {
        WriteCommonSet();

        var data = new ReportReader(_store).Read(H1, agency: "town-a", top: 2);

        Assert.Equal(["login-bank.example 4 2", "pay-verify.example 1 1"], Entries(data.TopIndicators, "phishing"));
        Assert.Equal(["10.0.0.5 3 1", "10.0.0.6 1 1"], Entries(data.TopHosts, "phishing"));
        Assert.DoesNotContain(data.Figures, f => f.Agency == "town-b");
    }

    [Fact]
    public void Connection_days_are_local_days_at_the_report_offset()
    {
        // 20:00Z on 1 March and 02:00Z on 2 March: two UTC days, one day in Hanoi (03:00 and 09:00 on 2 March).
        var evening = new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero);
        Write(_store, Alert(1, "cnc", "203.0.113.66:8080", "10.0.0.9", evening), Alert(2, "cnc", "203.0.113.66:8080", "10.0.0.9", evening.AddHours(6)));

        var utc = new ReportReader(_store).Read(H1, null, 10).Figures.Single();
        var hanoi = new ReportReader(_store).Read(Half("2026-H1", TimeSpan.FromHours(7)), null, 10).Figures.Single();

        Assert.Equal((2L, 2L), (utc.Alerts, utc.Connections));
        Assert.Equal((2L, 1L), (hanoi.Alerts, hanoi.Connections));
    }

    [Fact]
    public void Days_and_presence_come_back_for_the_trend_and_availability()
    {
        WriteCommonSet();
        using (var writer = new StoreWriter(_store))
        {
            var batch = new IncomingBatch();
            batch.Heartbeats.Add(Heartbeat(Feb2, 60));
            batch.Heartbeats.Add(Heartbeat(Feb2.AddMinutes(1), 120));
            writer.Write(batch);
        }

        var data = new ReportReader(_store).Read(H1, "town-a", 10);

        var feb2 = (long)(Feb2.UtcDateTime.Date - DateTime.UnixEpoch).TotalDays;
        Assert.Contains(new DayCount("town-a", "phishing", feb2, 2), data.Days);
        Assert.Contains(new DayCount("town-a", "phishing", feb2 + 1, 2), data.Days);
        Assert.Equal([new PresenceInterval("town-a", "gw-1", Feb2.AddMinutes(-1).ToUnixTimeMilliseconds(), Feb2.AddMinutes(1).ToUnixTimeMilliseconds())], data.Presence);
        Assert.Equal("gw-1", Assert.Single(data.Sensors).Sensor);
    }

    private static List<string> Entries(List<TopEntry> entries, string category) =>
        [.. entries.Where(e => e.Category == category).OrderByDescending(e => e.Alerts).ThenBy(e => e.Value, StringComparer.Ordinal)
            .Select(e => $"{e.Value} {e.Alerts} {e.Distinct}")];
}

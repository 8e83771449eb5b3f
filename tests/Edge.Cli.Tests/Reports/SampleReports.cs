using Edge.Cli.Reports;

namespace Edge.Cli.Tests.Reports;

/// <summary>A report built from hand-made store answers (no database), for the renderers' tests.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 7, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly long Jan10 = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private const long Hour = 3_600_000;

    public static ReportData Data()
    {
        var data = new ReportData();
        data.Figures.Add(new CategoryFigures("town-a", "phishing", 5, 2, 3, 4, 9));
        data.Figures.Add(new CategoryFigures("town-a", "mining", 1, 1, 1, 1, 40));
        data.Figures.Add(new CategoryFigures("town-b", "phishing", 1, 1, 1, 1, 1));
        data.Figures.Add(new CategoryFigures("town-b", "new-thing", 2, 1, 1, 1, 2));
        data.ProvinceIndicators["phishing"] = 2;
        data.ProvinceIndicators["mining"] = 1;
        data.ProvinceIndicators["new-thing"] = 1;
        data.TopIndicators.Add(new TopEntry("town-a", "phishing", "login-bank.example", 4, 2));
        data.TopIndicators.Add(new TopEntry("town-a", "phishing", "a|b*c_<script>", 1, 1));
        data.TopHosts.Add(new TopEntry("town-a", "phishing", "10.0.0.5", 3, 1));
        var day = Jan10 / 86_400_000;
        data.Days.Add(new DayCount("town-a", "phishing", day, 3));
        data.Days.Add(new DayCount("town-a", "phishing", day + 30, 2));
        data.Days.Add(new DayCount("town-a", "mining", day, 1));
        data.Days.Add(new DayCount("town-b", "phishing", day, 1));
        data.SensorEvents.Add(new SensorEvent("town-a", "gw-1", Jan10 + 5 * Hour, "high", "Firmware update rolled back", "2.1.0"));
        data.Sensors.Add(new KnownSensor("town-a", "gw-1", Jan10 - 100 * 24 * Hour));
        data.Sensors.Add(new KnownSensor("town-b", "gw-9", Jan10));
        data.Sensors.Add(new KnownSensor("town-c", "gw-new", GeneratedAt.ToUnixTimeMilliseconds()));
        // gw-1 silent for 2 hours on 10 January and 3 minutes later; gw-9 heard from 10 January on.
        data.Presence.Add(new PresenceInterval("town-a", "gw-1", Jan10 - 20 * 24 * Hour, Jan10));
        data.Presence.Add(new PresenceInterval("town-a", "gw-1", Jan10 + 2 * Hour, Jan10 + 3 * Hour));
        data.Presence.Add(new PresenceInterval("town-a", "gw-1", Jan10 + 3 * Hour + 180_000, GeneratedAt.ToUnixTimeMilliseconds()));
        data.Presence.Add(new PresenceInterval("town-b", "gw-9", Jan10, GeneratedAt.ToUnixTimeMilliseconds()));
        return data;
    }

    public static IncidentReport Build(string? agency = null) =>
        ReportBuilder.Build(Data(), ReportFixtures.H1, agency, GeneratedAt, "/var/lib/edge/incident.db", 10, TimeSpan.FromMinutes(10));
}

using System.Globalization;
using Edge.Cli.Broker;
using Spectre.Console;

namespace Edge.Cli.Fleet;

/// <summary>The fleet as a Spectre.Console table, the verdict coloured, then one summary line.</summary>
public static class FleetTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<FleetRow> rows, string sources)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Sensor", "Status", "Version", "Intel", "Outbox", "Drops", "Temp", "Last alert", "Heartbeat", "Note");
        foreach (var row in rows)
        {
            var s = row.Sensor;
            table.AddRow(
                Markup.Escape(s.Name),
                $"[{Style(row.Health)}]{Label(row.Health)}[/]",
                Markup.Escape(s.Version ?? "—"),
                Markup.Escape(s.IntelVersion ?? "—"),
                Number(s.OutboxDepth),
                Number(s.Drops),
                s.TemperatureC is { } c ? c.ToString("0.0", CultureInfo.InvariantCulture) + " °C" : "—",
                Age(row.LastAlertAge),
                Age(row.HeartbeatAge),
                Markup.Escape(Note(row)));
        }
        console.Write(table);
        console.MarkupLine(Markup.Escape(Summary(rows, sources)));
    }

    /// <summary>Why, when it is not plainly online, and the LED state the last heartbeat gave.</summary>
    public static string Note(FleetRow row)
    {
        var why = row.Health == SensorHealth.Online && row.Reason == "online" ? "" : row.Reason;
        if (row.Health == SensorHealth.Offline || row.Sensor.State is not { } state)
            return why;
        return why.Length == 0 ? "LEDs: " + state : $"{why}; LEDs: {state}";
    }

    public static string Summary(IReadOnlyList<FleetRow> rows, string sources) =>
        $"{rows.Count} sensor(s): {rows.Count(r => r.Health == SensorHealth.Online)} online, "
        + $"{rows.Count(r => r.Health == SensorHealth.Silent)} silent, {rows.Count(r => r.Health == SensorHealth.Offline)} offline (from {sources})";

    public static string Label(SensorHealth health) => health switch
    {
        SensorHealth.Online => "online",
        SensorHealth.Silent => "silent",
        _ => "offline",
    };

    private static string Style(SensorHealth health) => health switch
    {
        SensorHealth.Online => "green",
        SensorHealth.Silent => "bold yellow",
        _ => "bold red",
    };

    private static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    private static string Age(TimeSpan? age) => age is { } a ? DurationText.Format(a) + " ago" : "—";
}

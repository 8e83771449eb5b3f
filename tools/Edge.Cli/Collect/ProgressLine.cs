using System.Globalization;

namespace Edge.Cli.Collect;

/// <summary>The collector's periodic line: totals, and the alert rate since the previous line.</summary>
public static class ProgressLine
{
    public static string Format(CollectSnapshot now, CollectSnapshot before, TimeSpan interval, bool connected)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(before);
        var seconds = Math.Max(interval.TotalSeconds, 0.001);
        var rate = (now.Alerts - before.Alerts) / seconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"collect: {now.NewAlerts:N0} alerts stored, {now.RepeatedAlerts:N0} repeated, {now.Statuses:N0} statuses, " +
            $"{now.Heartbeats:N0} heartbeats, {now.Rejects:N0} rejects; {rate:N0} alerts/s over {seconds:N0} s; " +
            $"{now.StoreFailures:N0} store failures; {(connected ? "connected" : "not connected")}");
    }
}

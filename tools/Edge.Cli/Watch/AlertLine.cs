using System.Globalization;
using Edge.Uplink.Messages;
using Spectre.Console;

namespace Edge.Cli.Watch;

/// <summary>One alert as one line: time, agency/sensor, severity, category, indicator, src → dst,
/// rule, evidence. <see cref="Markup"/> colours it by severity for Spectre.Console;
/// <see cref="Plain"/> is the same text without any styling.</summary>
public static class AlertLine
{
    public static string Plain(AlertMessage alert) => string.Concat(Parts(alert).Select(p => p.Text));

    public static string Markup(AlertMessage alert) =>
        string.Concat(Parts(alert).Select(p => p.Style is null ? Spectre.Console.Markup.Escape(p.Text) : $"[{p.Style}]{Spectre.Console.Markup.Escape(p.Text)}[/]"));

    /// <summary>The dim line shown instead of a payload that is not an alert.</summary>
    public static string WarningMarkup(string topic, string reason) =>
        $"[dim]skipped a message on {Spectre.Console.Markup.Escape(topic)}: {Spectre.Console.Markup.Escape(reason)}[/]";

    public static string WarningPlain(string topic, string reason) => $"skipped a message on {topic}: {reason}";

    private static List<(string Text, string? Style)> Parts(AlertMessage alert)
    {
        var severity = Severities.Style(alert.Severity);
        var parts = new List<(string, string?)>
        {
            (Time(alert.FirstSeen), "grey"),
            ("  ", null),
            ($"{alert.Agency}/{alert.Sensor}", "bold"),
            ("  ", null),
            (alert.Severity.ToUpperInvariant().PadRight(8), severity),
            (" ", null),
            (alert.Category.PadRight(10), severity),
            (" ", null),
            (alert.Indicator, "bold"),
        };
        if (alert.Count > 1 || alert.Update)
            parts.Add(($" ×{alert.Count.ToString(CultureInfo.InvariantCulture)}{(alert.Update ? " (final count)" : "")}", null));
        if (Flow(alert) is { } flow)
            parts.Add(("  " + flow, null));
        parts.Add(("  " + RuleText(alert.Rule), "italic"));
        parts.Add(("  " + alert.Evidence, "dim"));
        return parts;
    }

    /// <summary><c>2026-11-25 15:32:30Z</c>: capture time of the first sighting, in UTC as sent.</summary>
    private static string Time(string timestamp) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : timestamp;

    private static string? Flow(AlertMessage alert)
    {
        if (alert.Src is null)
            return null;
        var flow = Endpoint(alert.Src);
        if (alert.Dst is not null)
            flow += " → " + Endpoint(alert.Dst);
        return alert.Proto is null ? flow : $"{flow} {alert.Proto}";
    }

    private static string Endpoint(AlertEndpoint endpoint)
    {
        if (endpoint.Port is not { } port)
            return endpoint.Ip;
        var address = endpoint.Ip.Contains(':', StringComparison.Ordinal) ? $"[{endpoint.Ip}]" : endpoint.Ip;
        return $"{address}:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string RuleText(AlertRuleRef rule) => string.IsNullOrEmpty(rule.Name) ? rule.Id : $"{rule.Name} ({rule.Id})";
}

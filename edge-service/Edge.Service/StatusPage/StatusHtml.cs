using Edge.Uplink.Messages;
using Edge.Service.Status;
using static Edge.Service.StatusPage.StatusFormat;

namespace Edge.Service.StatusPage;

/// <summary>The status page, rendered on the server so it reads without scripts. Each value's
/// <c>data-field</c> is its path in <c>/api/status</c>, for the script's refresh.</summary>
internal static class StatusHtml
{
    public static string Render(StatusSnapshot s)
    {
        var html = new HtmlBuilder();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<title>").Text($"Edge sensor {OfText(s.Sensor)} · {OfText(s.State)}").Raw("</title>\n")
            .Raw("<style>").Raw(PageStyle.Css).Raw("</style>\n</head>\n<body>\n<header>\n")
            .Raw("<h1>Edge sensor ").Field("sensor", Text, OfText(s.Sensor)).Raw("</h1>\n")
            .Raw("<p class=\"identity\">Agency <b>").Field("agency", Text, OfText(s.Agency))
            .Raw("</b> · version <b>").Field("version", Text, OfText(s.Version))
            .Raw("</b> · board <b>").Field("board", Text, OfText(s.Board))
            .Raw("</b> · GPIO <b>").Field("simulated_gpio", Gpio, OfGpio(s.SimulatedGpio)).Raw("</b></p>\n</header>\n<main>\n");
        Banner(html, s);
        html.Raw("<div class=\"grid\">\n");
        Capture(html, s.Capture);
        if (s.DnsForwarder is { } dns)
            DnsForwarder(html, dns);
        if (s.Blocking is { } blocking)
            Blocking(html, blocking);
        Uplink(html, s.Uplink);
        Alerts(html, s.Alerts);
        Sensor(html, s);
        html.Raw("</div>\n");
        RecentAlerts(html, s.RecentAlerts);
        html.Raw("<p id=\"live\" class=\"live\">Shown as of the page load; refreshed every 2 s while scripts run.</p>\n")
            .Raw("</main>\n<script>").Raw(PageScript.Js).Raw("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Banner(HtmlBuilder html, StatusSnapshot s)
    {
        html.Raw("<section id=\"banner\" class=\"banner state-").Raw(StatusClasses.State(s.State)).Raw("\">\n")
            .Raw("<div id=\"lamps\" class=\"lamps pattern-").Raw(StatusClasses.Pattern(s.LedPattern))
            .Raw("\" role=\"img\" aria-label=\"").Text($"LEDs: {OfText(s.LedLights)}, {OfText(s.LedPattern)}").Raw("\">");
        foreach (var colour in (string[])["red", "amber", "green"])
        {
            html.Raw("<span class=\"lamp ").Raw(colour).Raw(StatusClasses.Lit(s.LedLights, s.LedPattern, colour) ? " lit" : "")
                .Raw("\" data-colour=\"").Raw(colour).Raw("\"></span>");
        }
        html.Raw("</div>\n<div>\n<p class=\"state\">").Field("state", Text, OfText(s.State)).Raw("</p>\n")
            .Raw("<p class=\"reason\">").Field("reason", Text, OfText(s.Reason)).Raw("</p>\n")
            .Raw("<p class=\"led\">LEDs: ").Field("led_lights", Text, OfText(s.LedLights)).Raw(", ")
            .Field("led_pattern", Text, OfText(s.LedPattern)).Field("alert_silenced", Silenced, OfSilenced(s.AlertSilenced))
            .Raw("</p>\n</div>\n</section>\n");
    }

    private static void Capture(HtmlBuilder html, CaptureStatus c) =>
        html.Raw("<section class=\"card\"><h2>Capture</h2><dl>\n")
            .Row("Source", "capture.source", Text, OfText(c.Source))
            .Row("Running", "capture.running", YesNo, OfYesNo(c.Running))
            .Row("Error", "capture.error", Text, OfText(c.Error))
            .Row("Packets", "capture.packets", Count, OfCount(c.Packets))
            .Row("Bytes", "capture.bytes", Bytes, OfBytes(c.Bytes))
            .Row("Drops (queue)", "capture.drops", Count, OfCount(c.Drops))
            .Row("Kernel drops", "capture.kernel_drops", Count, OfCount(c.KernelDrops))
            .Row("Interface drops", "capture.interface_drops", Count, OfCount(c.InterfaceDrops))
            .Row("Decode errors", "capture.decode_errors", Count, OfCount(c.DecodeErrors))
            .Row("Flows", "capture.flows", Count, OfCount(c.Flows))
            .Row("DNS messages", "capture.dns_messages", Count, OfCount(c.DnsMessages))
            .Raw("</dl></section>\n");

    private static void DnsForwarder(HtmlBuilder html, HeartbeatDnsForwarder d) =>
        html.Raw("<section class=\"card\"><h2>DNS forwarder</h2><dl>\n")
            .Row("Queries", "dns_forwarder.queries", Count, OfCount(d.Queries))
            .Row("From the cache", "dns_forwarder.from_cache", Count, OfCount(d.FromCache))
            .Row("Blocked", "dns_forwarder.blocked", Count, OfCount(d.Blocked))
            .Row("SERVFAIL", "dns_forwarder.serv_fail", Count, OfCount(d.ServFail))
            .Row("Not answered", "dns_forwarder.dropped", Count, OfCount(d.Dropped))
            .Row("Upstreams up", "dns_forwarder.upstreams_up", Count, OfCount(d.UpstreamsUp))
            .Row("Upstreams", "dns_forwarder.upstreams", Count, OfCount(d.Upstreams))
            .Row("Not seen by detection", "dns_forwarder.unobserved", Count, OfCount(d.Unobserved))
            .Raw("</dl></section>\n");

    private static void Blocking(HtmlBuilder html, HeartbeatBlocking b) =>
        html.Raw("<section class=\"card\"><h2>Gateway blocking</h2><dl>\n")
            .Row("Networks blocked", "blocking.networks", Count, OfCount(b.Networks))
            .Row("Packets dropped", "blocking.dropped", Count, OfCount(b.Dropped))
            .Row("Attempts seen", "blocking.attempts", Count, OfCount(b.Attempts))
            .Row("Set updates refused", "blocking.failures", Count, OfCount(b.Failures))
            .Raw("</dl></section>\n");

    private static void Uplink(HtmlBuilder html, UplinkStatus u) =>
        html.Raw("<section class=\"card\"><h2>Uplink</h2><dl>\n")
            .Row("Broker", "uplink.broker", Text, OfText(u.Broker))
            .Row("Connected", "uplink.connected", YesNo, OfYesNo(u.Connected))
            .Row("Last connected", "uplink.last_connected", Time, OfTime(u.LastConnected))
            .Row("Connects", "uplink.connects", Count, OfCount(u.Connects))
            .Row("Sent", "uplink.sent", Count, OfCount(u.Sent))
            .Row("Pending", "uplink.pending", Count, OfCount(u.Pending))
            .Row("Dropped", "uplink.dropped", Count, OfCount(u.Dropped))
            .Row("Outbox size", "uplink.outbox_bytes", Bytes, OfBytes(u.OutboxBytes))
            .Row("Last error", "uplink.last_error", Text, OfText(u.LastError))
            .Raw("</dl></section>\n");

    private static void Alerts(HtmlBuilder html, AlertStatus a) =>
        html.Raw("<section class=\"card\"><h2>Alerts</h2><dl>\n")
            .Row("Raised", "alerts.raised", Count, OfCount(a.Raised))
            .Row("Suppressed", "alerts.suppressed", Count, OfCount(a.Suppressed))
            .Row("Rate-limited", "alerts.rate_limited", Count, OfCount(a.RateLimited))
            .Row("Open", "alerts.open", Count, OfCount(a.Open))
            .Row("Highest open", "alerts.highest_open", Text, OfText(a.HighestOpen))
            .Raw("</dl></section>\n");

    private static void Sensor(HtmlBuilder html, StatusSnapshot s) =>
        html.Raw("<section class=\"card\"><h2>Sensor</h2><dl>\n")
            .Row("Temperature", "temperature_celsius", Celsius, OfCelsius(s.TemperatureCelsius))
            .Row("Uptime", "started", Uptime, OfUptime(s.Started, s.Now))
            .Row("Started", "started", Time, OfTime(s.Started))
            .Row("Updated", "now", Time, OfTime(s.Now))
            .Raw("</dl></section>\n");

    private static void RecentAlerts(HtmlBuilder html, IReadOnlyList<RecentAlert> alerts)
    {
        html.Raw("<section><h2>Last alerts</h2>\n<table><thead><tr><th>Time</th><th>Severity</th><th>Category</th>")
            .Raw("<th>Rule</th><th>Client</th><th>Indicator</th><th>Acknowledged</th></tr></thead>\n<tbody id=\"recent\">\n");
        foreach (var a in alerts)
        {
            html.Raw("<tr><td>").Text(OfTime(a.Time))
                .Raw("</td><td><span class=\"sev sev-").Raw(StatusClasses.Severity(a.Severity)).Raw("\">").Text(OfText(a.Severity))
                .Raw("</span></td><td>").Text(OfText(a.Category))
                .Raw("</td><td>").Text(OfText(a.Rule))
                .Raw("</td><td>").Text(OfText(a.Client))
                .Raw("</td><td class=\"indicator\">").Text(OfText(a.Indicator))
                .Raw("</td><td>").Text(OfYesNo(a.Acknowledged)).Raw("</td></tr>\n");
        }
        if (alerts.Count == 0)
            html.Raw("<tr class=\"empty\"><td colspan=\"7\">no alerts yet</td></tr>\n");
        html.Raw("</tbody></table></section>\n");
    }
}

using Edge.Service.Status;

namespace Edge.Service.StatusPage;

/// <summary><c>/metrics</c>: the snapshot as Prometheus families, counters ending in <c>_total</c>.</summary>
internal static class StatusMetrics
{
    public static readonly string[] States = ["booting", "monitoring", "warning", "uplink-down", "alert", "fault"];

    public static string Render(StatusSnapshot s)
    {
        var text = new PrometheusText()
            .Counter("edge_packets_total", "Packets captured.", s.Capture.Packets)
            .Counter("edge_bytes_total", "Bytes captured.", s.Capture.Bytes)
            .Counter("edge_capture_drops_total", "Frames the pipeline could not take (its queue full).", s.Capture.Drops)
            .Counter("edge_kernel_drops_total", "Packets the kernel dropped (libpcap ps_drop).", s.Capture.KernelDrops)
            .Counter("edge_interface_drops_total", "Packets the interface or driver dropped (libpcap ps_ifdrop).", s.Capture.InterfaceDrops)
            .Counter("edge_decode_errors_total", "Frames that could not be decoded.", s.Capture.DecodeErrors)
            .Counter("edge_flows_total", "Flows seen.", s.Capture.Flows)
            .Counter("edge_dns_messages_total", "DNS messages seen.", s.Capture.DnsMessages)
            .Counter("edge_alerts_raised_total", "Alerts raised.", s.Alerts.Raised)
            .Counter("edge_alerts_suppressed_total", "Alerts suppressed.", s.Alerts.Suppressed)
            .Counter("edge_alerts_rate_limited_total", "Alerts held back by the rate limit.", s.Alerts.RateLimited)
            .Gauge("edge_alerts_open", "Alerts not acknowledged yet.", s.Alerts.Open)
            .Gauge("edge_outbox_pending", "Messages waiting in the outbox for the broker.", s.Uplink.Pending)
            .Gauge("edge_outbox_bytes", "Size of the outbox in bytes.", s.Uplink.OutboxBytes)
            .Gauge("edge_uplink_connected", "1 while connected to the broker, else 0.", s.Uplink.Connected ? 1 : 0)
            .Counter("edge_uplink_connects_total", "Connections made to the broker.", s.Uplink.Connects)
            .Counter("edge_uplink_sent_total", "Messages the broker acknowledged.", s.Uplink.Sent)
            .Counter("edge_uplink_dropped_total", "Messages dropped without reaching the broker.", s.Uplink.Dropped);
        if (s.DnsForwarder is { } dns)
        {
            text.Counter("edge_dns_queries_total", "Queries the DNS forwarder received.", dns.Queries)
                .Counter("edge_dns_cache_answers_total", "Queries answered from the forwarder's cache.", dns.FromCache)
                .Counter("edge_dns_blocked_total", "Queries answered by policy (sinkholed).", dns.Blocked)
                .Counter("edge_dns_servfail_total", "Queries answered SERVFAIL (no upstream answered in time).", dns.ServFail)
                .Counter("edge_dns_unanswered_total", "Queries given no answer (malformed beyond reply, RPZ drop).", dns.Dropped)
                .Gauge("edge_dns_upstreams_up", "Upstream resolvers healthy now.", dns.UpstreamsUp)
                .Counter("edge_dns_unobserved_total", "Exchanges the detectors never saw (their queue was full).", dns.Unobserved);
        }
        if (s.Blocking is { } blocking)
        {
            text.Gauge("edge_block_networks", "Networks in the gateway's block sets.", blocking.Networks)
                .Counter("edge_block_dropped_total", "Packets the gateway's block rules dropped.", blocking.Dropped)
                .Counter("edge_block_attempts_total", "Dropped packets read from the NFLOG group (rate-limited).", blocking.Attempts)
                .Counter("edge_block_update_failures_total", "Block set updates nft refused.", blocking.Failures);
        }
        if (s.TemperatureCelsius is { } celsius)
            text.Gauge("edge_temperature_celsius", "CPU temperature.", celsius);
        text.Gauge("edge_uptime_seconds", "Seconds since the service started.", Math.Max(0, (s.Now - s.Started).TotalSeconds))
            .Family("edge_state", "gauge", "1 for the state the LEDs show, else 0.");
        foreach (var state in States)
            text.Sample("edge_state", state == s.State ? 1 : 0, ("state", state));
        return text.Family("edge_info", "gauge", "The sensor's identity; always 1.")
            .Sample("edge_info", 1, ("agency", s.Agency), ("sensor", s.Sensor), ("version", s.Version), ("board", s.Board))
            .ToString();
    }
}

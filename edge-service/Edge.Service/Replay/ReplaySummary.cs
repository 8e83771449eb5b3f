using System.Globalization;

namespace Edge.Service.Replay;

/// <summary>The human summary printed after a replay: plain lines that read well in a terminal and a log.</summary>
public static class ReplaySummary
{
    public static void Write(TextWriter output, ReplayResult result, string? eventsTarget)
    {
        var c = result.Counters;
        var f = result.Flows;
        var captureSeconds = c.Packets > 0 ? (c.LastTimestampMicros - c.FirstTimestampMicros) / 1e6 : 0;
        output.WriteLine($"replayed       {result.Files.Count} file(s): {string.Join(", ", result.Files.Select(Path.GetFileName))}");
        output.WriteLine($"packets        {N(c.Packets)} ({N(c.Bytes)} bytes, {captureSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s of capture)");
        output.WriteLine($"time           {result.Elapsed.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s, {N((long)result.PacketsPerSecond)} packets/s");
        output.WriteLine($"network        IPv4 {N(c.Ipv4)}, IPv6 {N(c.Ipv6)}, not IP {N(c.NotIp)}, fragments {N(c.Fragments)}, with IP options {N(c.IpOptions)}");
        output.WriteLine($"transport      TCP {N(c.Tcp)}, UDP {N(c.Udp)}, ICMP {N(c.Icmp)}, other {N(c.OtherIp)}");
        output.WriteLine($"flows          {N(f.Created)} (TCP {N(f.CreatedTcp)}, UDP {N(f.CreatedUdp)}, other {N(f.CreatedOther)}), closed {N(f.Closed)}, timed out {N(f.TimedOut)}, evicted {N(f.Evicted)}");
        output.WriteLine($"dns            {N(c.DnsMessages)} messages ({N(c.DnsQueries)} queries, {N(c.DnsResponses)} responses)");
        output.WriteLine($"tls            {N(c.TlsClientHellos)} ClientHellos");
        output.WriteLine($"http           {N(c.HttpRequests)} requests");
        if (result.Alerts is { } alerts)
        {
            var byCategory = string.Join(", ", alerts.RaisedByCategory.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {N(p.Value)}"));
            output.WriteLine($"alerts         {N(alerts.Raised)}{(byCategory.Length > 0 ? $" ({byCategory})" : "")}, {N(alerts.Updates)} count updates, {N(alerts.Deduplicated)} repeats folded, {N(alerts.RateLimited)} rate-limited, {N(alerts.Suppressed)} suppressed");
        }
        if (result.Evidence is { } evidence)
            WriteEvidence(output, evidence);
        var (checkedCount, bad, offload) = result.Checksums;
        output.WriteLine($"checksums      {N(checkedCount)} checked before parsing, {N(bad)} wrong{(offload ? " (checksum offload in this capture: not enforced)" : "")}");
        output.WriteLine($"decode errors  {N(result.Errors.Total)}");
        foreach (var (reason, count) in result.Errors.NonZero())
            output.WriteLine($"  {reason,-28} {N(count)}");
        var load = (eventsTarget is null ? "event log off" : "event log on") + (result.Alerts is null ? ", detection off" : ", detection on: findings allocate")
            + (result.Evidence is null ? "" : ", evidence on: each capture takes a pooled buffer");
        output.WriteLine($"allocated      {result.AllocatedBytesPerPacket.ToString("0.00", CultureInfo.InvariantCulture)} B/packet ({N(result.AllocatedBytes)} B managed over the packet loop, {load})");
        if (eventsTarget is not null)
            output.WriteLine($"events         {N(result.EventsWritten)} written to {eventsTarget}");
        foreach (var warning in result.Warnings)
            output.WriteLine($"warning        {warning}");
    }

    private static void WriteEvidence(TextWriter output, ReplayEvidence evidence)
    {
        var r = evidence.Recorder.Counters;
        var s = evidence.Store.Counters;
        var (files, bytes) = evidence.Store.Size;
        output.WriteLine($"evidence       {N(s.FilesWritten)} pcap(s) written ({N(s.PacketsWritten)} packets, {N(s.BytesWritten)} bytes) to {evidence.Store.Directory}, holding {N(files)} file(s), {N(bytes)} bytes");
        output.WriteLine($"  kept         {N(r.Captures)} capture(s) for alerts, {N(r.Joined)} alert(s) sharing one, {N(r.NoFlow)} without a single flow, {N(r.NoPackets)} with no packets left, {N(r.TooManyOpen)} refused (too many open)");
        output.WriteLine($"  lost         {N(r.DroppedQueueFull)} dropped (queue full), {N(s.FilesEvicted)} evicted ({N(s.BytesEvicted)} bytes), {N(s.Errors)} disk error(s){(evidence.AllWritten ? "" : ", writer still busy at exit")}");
        if (s.LastError is { } error)
            output.WriteLine($"warning        evidence: {error}");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

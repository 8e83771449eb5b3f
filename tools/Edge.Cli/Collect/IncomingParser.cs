using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Cli.Store;
using Edge.Uplink.Messages;

namespace Edge.Cli.Collect;

/// <summary>One MQTT message (topic and payload) to what the store keeps: an alert, a status or a
/// heartbeat checked against the contract (edge.alert/1, edge.status/1, edge.heartbeat/1; the
/// topic's agency, sensor and category the payload's own), or a <see cref="RejectedMessage"/>
/// saying why not. Never throws: whatever arrives on the topics is stored one way or the other.</summary>
public sealed partial class IncomingParser(CollectTopics topics)
{
    /// <summary>A sensor's messages are far smaller; bigger ones are rejected with their first 64 KiB kept.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    private static readonly FrozenSet<string> Categories = FrozenSet.Create(StringComparer.Ordinal,
        "phishing", "cnc", "botnet", "mining", "wannacry", "dga", "dns-tunnel", "scan", "doh-bypass", "typosquat", "malware", "sensor");

    private static readonly FrozenSet<string> Severities = FrozenSet.Create(StringComparer.Ordinal, "low", "medium", "high", "critical");

    public ParsedMessage Parse(string topic, ReadOnlySequence<byte> payload, long receivedAtMs) =>
        payload.IsSingleSegment ? Parse(topic, payload.FirstSpan, receivedAtMs) : Parse(topic, payload.ToArray(), receivedAtMs);

    public ParsedMessage Parse(string? topic, ReadOnlySpan<byte> payload, long receivedAtMs)
    {
        topic ??= "";
        try
        {
            return ParseChecked(topic, payload, receivedAtMs);
        }
        catch (JsonException e)
        {
            return Reject(topic, payload, receivedAtMs, "not valid JSON for its schema: " + RejectText.Clean(e.Message));
        }
#pragma warning disable CA1031 // The collector stores whatever arrives: an unforeseen failure is a reject, not a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Reject(topic, payload, receivedAtMs, $"unreadable ({e.GetType().Name}): {RejectText.Clean(e.Message)}");
        }
    }

    private ParsedMessage ParseChecked(string topic, ReadOnlySpan<byte> payload, long receivedAtMs)
    {
        if (payload.Length > MaxPayloadBytes)
            return Reject(topic, payload[..MaxPayloadBytes], receivedAtMs,
                $"too large: {payload.Length} bytes (limit {MaxPayloadBytes}); the first {MaxPayloadBytes} kept");
        if (!topics.TryParse(topic, out var parts, out var topicReason))
            return Reject(topic, payload, receivedAtMs, topicReason);
        var expected = parts.Kind switch
        {
            TopicKind.Alert => AlertMessage.SchemaName,
            TopicKind.Status => StatusMessage.SchemaName,
            _ => HeartbeatMessage.SchemaName,
        };
        if (!SchemaProbe.TryRead(payload, out var schema, out var probeReason))
            return Reject(topic, payload, receivedAtMs, probeReason);
        if (!string.Equals(schema, expected, StringComparison.Ordinal))
            return Reject(topic, payload, receivedAtMs, $"schema {RejectText.Quote(schema)} on a {parts.Kind.ToString().ToLowerInvariant()} topic (expected {expected})");
        return parts.Kind switch
        {
            TopicKind.Alert => ParseAlert(topic, parts, payload, receivedAtMs),
            TopicKind.Status => ParseStatus(topic, parts, payload, receivedAtMs),
            _ => ParseHeartbeat(topic, parts, payload, receivedAtMs),
        };
    }

    private static ParsedMessage ParseAlert(string topic, TopicParts parts, ReadOnlySpan<byte> payload, long receivedAtMs)
    {
        var m = JsonSerializer.Deserialize(payload, CollectJsonContext.Default.AlertMessage);
        if (m is null)
            return Reject(topic, payload, receivedAtMs, "payload is null");
        var problem = AlertProblem(m, parts);
        if (problem is not null)
            return Reject(topic, payload, receivedAtMs, problem);
        if (!RfcTime.TryParseUnixMs(m.FirstSeen, out var first))
            return Reject(topic, payload, receivedAtMs, BadTime("first_seen", m.FirstSeen));
        if (!RfcTime.TryParseUnixMs(m.LastSeen, out var last))
            return Reject(topic, payload, receivedAtMs, BadTime("last_seen", m.LastSeen));
        if (!RfcTime.TryParseUnixMs(m.Ts, out _))
            return Reject(topic, payload, receivedAtMs, BadTime("ts", m.Ts));
        return ParsedMessage.Of(new IncomingAlert(m, Encoding.UTF8.GetString(payload), first, last, receivedAtMs));
    }

    /// <summary>What the schema's types cannot say: ids, enums, the topic's agency, sensor and
    /// category, required parts of nested objects, and text both databases can hold.</summary>
    private static string? AlertProblem(AlertMessage m, TopicParts parts)
    {
        if (!UlidText.IsValid(m.Id))
            return $"id {RejectText.Quote(m.Id)} is not a ULID (26 Crockford base32 digits, upper case, the first 0-7)";
        if (!string.Equals(m.Agency, parts.Agency, StringComparison.Ordinal))
            return $"agency {RejectText.Quote(m.Agency)} is not the topic's '{parts.Agency}'";
        if (!string.Equals(m.Sensor, parts.Sensor, StringComparison.Ordinal))
            return $"sensor {RejectText.Quote(m.Sensor)} is not the topic's '{parts.Sensor}'";
        if (!string.Equals(m.Category, parts.Category, StringComparison.Ordinal))
            return $"category {RejectText.Quote(m.Category)} is not the topic's {RejectText.Quote(parts.Category)}";
        if (!Categories.Contains(m.Category))
            return $"category {RejectText.Quote(m.Category)} is not one of edge.alert/1";
        if (!Severities.Contains(m.Severity))
            return $"severity {RejectText.Quote(m.Severity)} is not low, medium, high or critical";
        if (m.Count < 1)
            return $"count {m.Count} is below 1";
        if (m.Rule is not { Id.Length: > 0 and <= 128, Name.Length: > 0 })
            return "rule needs an id (1 to 128 characters) and a name";
        if (m.Indicator.Length == 0 || m.Evidence.Length == 0)
            return "indicator and evidence must not be empty";
        if (!KindPattern().IsMatch(m.Kind))
            return $"kind {RejectText.Quote(m.Kind)} is not ^[a-z][a-z0-9-]{{0,31}}$";
        if (m.Category != "sensor" && (m.Src is null || m.Proto is null))
            return "src and proto are required except for category sensor";
        if (!IsEndpoint(m.Src) || !IsEndpoint(m.Dst))
            return "src and dst need an ip and a port 0 to 65535 when they have one";
        if (m.Http is { Host: null } || m.Intel is { List: null or "" })
            return "http needs a host and intel a list";
        if (!AllStorable(m))
            return "text holds a NUL character or a lone surrogate";
        return null;
    }

    private static bool IsEndpoint(AlertEndpoint? endpoint) =>
        endpoint is null || (endpoint.Ip is { Length: > 0 } && endpoint.Port is null or (>= 0 and <= 65535));

    private static bool AllStorable(AlertMessage m) =>
        RejectText.IsStorable(m.Rule.Id) && RejectText.IsStorable(m.Rule.Name) && RejectText.IsStorable(m.Indicator)
        && RejectText.IsStorable(m.Src?.Ip) && RejectText.IsStorable(m.Dst?.Ip) && RejectText.IsStorable(m.Proto)
        && RejectText.IsStorable(m.Dns?.Qname) && RejectText.IsStorable(m.Dns?.Qtype) && RejectText.IsStorable(m.Dns?.Rcode)
        && RejectText.IsStorable(m.Tls?.Sni) && RejectText.IsStorable(m.Tls?.Ja3) && RejectText.IsStorable(m.Tls?.Ja4)
        && RejectText.IsStorable(m.Http?.Host) && RejectText.IsStorable(m.Intel?.List) && RejectText.IsStorable(m.Intel?.Source)
        && RejectText.IsStorable(m.Evidence) && RejectText.IsStorable(m.EvidenceFile);

    private static ParsedMessage ParseStatus(string topic, TopicParts parts, ReadOnlySpan<byte> payload, long receivedAtMs)
    {
        var m = JsonSerializer.Deserialize(payload, CollectJsonContext.Default.StatusMessage);
        if (m is null)
            return Reject(topic, payload, receivedAtMs, "payload is null");
        if (m.State is not (StatusMessage.Online or StatusMessage.Offline))
            return Reject(topic, payload, receivedAtMs, $"state {RejectText.Quote(m.State)} is not online or offline");
        if (!RejectText.IsStorable(m.Version) || !RejectText.IsStorable(m.Board) || !RejectText.IsStorable(m.IntelVersion)
            || !RejectText.IsStorable(m.Started) || !RejectText.IsStorable(m.Slot) || !RejectText.IsStorable(m.Rollback?.Version)
            || !RejectText.IsStorable(m.Rollback?.Reason) || !RejectText.IsStorable(m.Rollback?.At))
            return Reject(topic, payload, receivedAtMs, "text holds a NUL character or a lone surrogate");
        // The Last Will carries no time: it is dated by its arrival.
        var at = receivedAtMs;
        if (m.Ts is not null && !RfcTime.TryParseUnixMs(m.Ts, out at))
            return Reject(topic, payload, receivedAtMs, BadTime("ts", m.Ts));
        return ParsedMessage.Of(new IncomingStatus(parts.Agency, parts.Sensor, m, at));
    }

    private static ParsedMessage ParseHeartbeat(string topic, TopicParts parts, ReadOnlySpan<byte> payload, long receivedAtMs)
    {
        var m = JsonSerializer.Deserialize(payload, CollectJsonContext.Default.HeartbeatMessage);
        if (m is null)
            return Reject(topic, payload, receivedAtMs, "payload is null");
        if (!RfcTime.TryParseUnixMs(m.Ts, out var at))
            return Reject(topic, payload, receivedAtMs, BadTime("ts", m.Ts));
        if (m.UptimeSeconds < 0 || m.Packets < 0 || m.Drops < 0 || m.Outbox.Depth < 0)
            return Reject(topic, payload, receivedAtMs, "uptime_seconds, packets, drops and outbox.depth must not be negative");
        if (!RejectText.IsStorable(m.State) || !RejectText.IsStorable(m.IntelVersion))
            return Reject(topic, payload, receivedAtMs, "text holds a NUL character or a lone surrogate");
        return ParsedMessage.Of(new IncomingHeartbeat(parts.Agency, parts.Sensor, m, at));
    }

    private static string BadTime(string field, string? value) =>
        $"{field} {RejectText.Quote(value)} is not an RFC 3339 UTC time (2026-11-25T15:32:30.123456Z)";

    private static ParsedMessage Reject(string topic, ReadOnlySpan<byte> payload, long receivedAtMs, string reason) =>
        ParsedMessage.Of(new RejectedMessage(RejectText.Clean(topic), reason, payload.ToArray(), receivedAtMs));

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}\\z")]
    private static partial Regex KindPattern();
}

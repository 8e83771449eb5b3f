using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Uplink.Messages;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>Messages with every field set, serialized as the sensor publishes them.</summary>
public static class UplinkExamples
{
    public static AlertMessage FullAlert() => new()
    {
        Id = "01JD8X6Q0M7ZK3V9T5R2W4Y6B8",
        Ts = "2026-11-25T15:32:30.123456Z",
        FirstSeen = "2026-11-25T15:30:00.000001Z",
        LastSeen = "2026-11-25T15:32:29.999999Z",
        Count = 3,
        Update = true,
        Agency = "agency-7",
        Sensor = "lan-edge-1",
        Category = "phishing",
        Severity = "high",
        Rule = new AlertRuleRef("intel-domain", "Domain on a threat list"),
        Indicator = "login-bank.example",
        Kind = "tls-sni",
        Src = new AlertEndpoint("192.168.1.20", 51234),
        Dst = new AlertEndpoint("2001:db8::1", 443),
        Proto = "TCP",
        Dns = new AlertDnsContext("login-bank.example", "AAAA", "NOERROR"),
        Tls = new AlertTlsContext("login-bank.example", "e7d705a3286e19ea42f587b344ee6865", "t13d1516h2_8daaf6152771_b186095e22b6"),
        Http = new AlertHttpContext("login-bank.example"),
        Intel = new AlertIntelContext("phishing", "openphish"),
        Blocked = false,
        Evidence = "TLS SNI login-bank.example is on the phishing list",
        EvidenceFile = "01JD8X6Q0M7ZK3V9T5R2W4Y6B8.pcap",
    };

    /// <summary>An alert about the sensor itself: no client, no protocol, no traffic fields.</summary>
    public static AlertMessage SensorAlert() => new()
    {
        Id = "01M86E81E0SFAS7QM1Z5VBDSSQ",
        Ts = "2026-11-25T15:00:01.000000Z",
        FirstSeen = "2026-11-24T09:30:00.000000Z",
        LastSeen = "2026-11-24T09:30:00.000000Z",
        Count = 1,
        Agency = "agency-7",
        Sensor = "lan-edge-1",
        Category = "sensor",
        Severity = "high",
        Rule = new AlertRuleRef("edge.firmware.rollback", "Firmware update rolled back"),
        Indicator = "2.1.0",
        Kind = "firmware-rollback",
        Evidence = "firmware 2.1.0 in slot b was rolled back at 2026-11-24T09:30:00Z: version 2.1.0 started 3 times without becoming healthy; slot a (2.0.0) runs again",
    };

    public static StatusMessage Online() => new()
    {
        State = StatusMessage.Online,
        Version = "1.0.0",
        Board = "rpi4",
        IntelVersion = "2026-11-25.1",
        Started = "2026-11-25T15:00:00.000000Z",
        Slot = "b",
        Rollback = new StatusRollback("2.1.0", "version 2.1.0 started 3 times without becoming healthy", "2026-11-24T09:30:00Z"),
        Ts = "2026-11-25T15:00:01.000000Z",
    };

    public static StatusMessage LastWill() => new() { State = StatusMessage.Offline };

    public static HeartbeatMessage Heartbeat() => new()
    {
        Ts = "2026-11-25T15:01:00.000000Z",
        UptimeSeconds = 60,
        Packets = 1_000_000,
        Drops = 2,
        DecodeErrors = 3,
        Flows = 4_000,
        Dns = 20_000,
        Alerts = new HeartbeatAlerts(Raised: 5, Sent: 4, Pending: 1, Dropped: 0, Suppressed: 2, RateLimited: 0),
        Outbox = new HeartbeatOutbox(Depth: 1, Bytes: 700, Dropped: 0, Refused: 0),
        Capture = new HeartbeatCapture(KernelDrops: 2, InterfaceDrops: 0),
        State = "monitoring",
        CpuTemperatureC = 51.5,
        IntelVersion = "2026-11-25.1",
        DnsForwarder = new HeartbeatDnsForwarder(Queries: 9_000, FromCache: 6_000, Blocked: 30, ServFail: 1, Dropped: 2, UpstreamsUp: 2,
            Upstreams: 2, Unobserved: 0),
        Blocking = new HeartbeatBlocking(Networks: 1_500, Attempts: 12, Dropped: 40, Failures: 0),
    };

    public static string Json(AlertMessage message) => JsonSerializer.Serialize(message, UplinkJsonContext.Default.AlertMessage);

    public static string Json(StatusMessage message) => JsonSerializer.Serialize(message, UplinkJsonContext.Default.StatusMessage);

    public static string Json(HeartbeatMessage message) => JsonSerializer.Serialize(message, UplinkJsonContext.Default.HeartbeatMessage);

    /// <summary>The JSON of <paramref name="message"/> changed by <paramref name="edit"/>.</summary>
    public static string Edited(AlertMessage message, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(Json(message))!.AsObject();
        edit(node);
        return node.ToJsonString();
    }
}

using Edge.Service.Status;

namespace Edge.Service.Tests.StatusPage;

/// <summary>A monitoring sensor with a distinct value in every counter, so a test that reads the
/// wrong field fails.</summary>
public static class TestSnapshots
{
    public static readonly DateTimeOffset Started = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public const string HostileIndicator = "<script>alert('pwned')</script>\"><img src=x onerror=alert(1)>";

    public static StatusSnapshot Monitoring() => new()
    {
        Agency = "moh-kigali",
        Sensor = "edge-07",
        Version = "1.4.2+3f9c2d1",
        Board = "raspberry-pi-4",
        SimulatedGpio = true,
        Started = Started,
        Now = Started.AddDays(1).AddHours(2).AddMinutes(3).AddSeconds(4.5),
        State = "monitoring",
        Reason = "capturing on eth1, uplink connected",
        LedLights = "Green",
        LedPattern = "SlowBlink",
        AlertSilenced = false,
        Capture = new CaptureStatus
        {
            Source = "interface eth1",
            Running = true,
            Packets = 1_234_567,
            Bytes = 9_876_543_210,
            Drops = 11,
            KernelDrops = 12,
            InterfaceDrops = 13,
            DecodeErrors = 14,
            Flows = 4_321,
            DnsMessages = 8_765,
        },
        Uplink = new UplinkStatus
        {
            Broker = "mqtts://broker.example:8883",
            Connected = true,
            LastConnected = Started.AddMinutes(1).AddTicks(1_234_567),
            Connects = 3,
            Sent = 321,
            Pending = 21,
            Dropped = 2,
            OutboxBytes = 65_536,
        },
        Alerts = new AlertStatus { Raised = 42, Suppressed = 17, RateLimited = 5, Open = 4, HighestOpen = "high" },
        DnsForwarder = new Edge.Uplink.Messages.HeartbeatDnsForwarder(Queries: 90_001, FromCache: 60_002, Blocked: 303, ServFail: 4,
            Dropped: 5, UpstreamsUp: 1, Upstreams: 2, Unobserved: 6),
        Blocking = new Edge.Uplink.Messages.HeartbeatBlocking(Networks: 7_777, Attempts: 88, Dropped: 99, Failures: 1),
        TemperatureCelsius = 51.25,
        RecentAlerts =
        [
            new RecentAlert
            {
                Id = "01JD8X6Q0M7ZK3V9T5R2W00001",
                Time = Started.AddHours(3).AddTicks(4_567_891),
                Severity = "high",
                Category = "phishing",
                Rule = "Domain on a threat list",
                Client = "192.168.1.20",
                Indicator = HostileIndicator,
                Acknowledged = false,
            },
            new RecentAlert
            {
                Id = "01JD8X6Q0M7ZK3V9T5R2W00002",
                Time = Started.AddHours(2),
                Severity = "medium",
                Category = "dga",
                Rule = "DGA burst",
                Client = "192.168.1.31",
                Indicator = "xk2j9qz.example",
                Acknowledged = true,
            },
        ],
    };
}

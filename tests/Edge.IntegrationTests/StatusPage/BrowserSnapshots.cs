using Edge.Service.Status;

namespace Edge.IntegrationTests.StatusPage;

/// <summary>What the browser test serves: a quiet sensor at page load, then an alert with a hostile
/// indicator, every counter changed, fractional timestamps as the service writes them.</summary>
public static class BrowserSnapshots
{
    private static readonly DateTimeOffset s_started = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public static StatusSnapshot BeforeRefresh() => new()
    {
        Agency = "moh-kigali",
        Sensor = "edge-07",
        Version = "1.4.2",
        Board = "raspberry-pi-4",
        SimulatedGpio = true,
        Started = s_started,
        Now = s_started.AddMinutes(5),
        State = "monitoring",
        Reason = "rendered by the server",
        LedLights = "Green",
        LedPattern = "SlowBlink",
        AlertSilenced = false,
        Capture = new CaptureStatus { Source = "interface eth1", Running = true, Packets = 111 },
        Uplink = new UplinkStatus { Broker = "mqtts://broker.example:8883", Connected = true },
        Alerts = new AlertStatus(),
        RecentAlerts = [],
    };

    public static StatusSnapshot AfterRefresh() => BeforeRefresh() with
    {
        Now = s_started.AddDays(1).AddHours(2).AddMinutes(3).AddSeconds(4).AddTicks(5_678_901),
        State = "alert",
        Reason = "refreshed by the script",
        LedLights = "Red",
        LedPattern = "FastBlink",
        AlertSilenced = true,
        Capture = new CaptureStatus
        {
            Source = "interface eth1",
            Running = false,
            Error = "capture <stopped> & restarting",
            Packets = 2_222_222,
            Bytes = 9_876_543_210,
            Drops = 3,
            KernelDrops = 4,
            InterfaceDrops = 5,
            DecodeErrors = 6,
            Flows = 7_777,
            DnsMessages = 88_888,
        },
        Uplink = new UplinkStatus
        {
            Broker = "mqtts://broker.example:8883",
            Connected = false,
            LastConnected = s_started.AddHours(1).AddTicks(1_234_567),
            Connects = 9,
            Sent = 1_000,
            Pending = 12,
            Dropped = 1,
            OutboxBytes = 1_572_864,
            LastError = "connection refused",
        },
        Alerts = new AlertStatus { Raised = 5, Suppressed = 2, RateLimited = 1, Open = 3, HighestOpen = "critical" },
        TemperatureCelsius = 63.25,
        RecentAlerts =
        [
            new RecentAlert
            {
                Id = "01JD8X6Q0M7ZK3V9T5R2W00009",
                Time = s_started.AddHours(25).AddTicks(9_876_543),
                Severity = "critical",
                Category = "cnc",
                Rule = "Command-and-control <address>",
                Client = "192.168.1.20",
                Indicator = "<script>alert('pwned')</script>\"><img src=x onerror=alert(1)>",
                Acknowledged = false,
            },
            new RecentAlert
            {
                Id = "01JD8X6Q0M7ZK3V9T5R2W00008",
                Time = s_started.AddHours(24),
                Severity = "low",
                Category = "typosquat",
                Rule = "Look-alike domain",
                Client = "192.168.1.31",
                Indicator = "examp1e.com",
                Acknowledged = true,
            },
        ],
    };
}

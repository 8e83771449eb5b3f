using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Watch.Net;

namespace Edge.Service.Tests.TestSupport;

/// <summary>Pipeline alerts for uplink tests: a phishing finding of the given severity under a
/// ULID-shaped id that says which one it is.</summary>
public static class TestAlerts
{
    public static string Id(int n) => $"01JD8X6Q0M7ZK3V9T5R2W{n:D5}";

    public static Alert Alert(int n, Severity severity = Severity.High, bool update = false) =>
        new(Id(n), Finding(severity), 1_764_000_000_000_000, 1_764_000_000_000_000, 1, update);

    public static Finding Finding(Severity severity) => new()
    {
        RuleId = "intel-domain",
        RuleName = "Domain on a threat list",
        Category = AlertCategories.Phishing,
        Severity = severity,
        Kind = EvidenceKinds.TlsSni,
        Indicator = "login-bank.example",
        Evidence = "TLS SNI login-bank.example is on the phishing list",
        TimestampMicros = 1_764_000_000_000_000,
        Client = IpAddr.Parse("192.168.1.20"),
        ClientPort = 51234,
        Server = IpAddr.Parse("192.0.2.1"),
        ServerPort = 443,
        Protocol = 6,
        IntelList = "phishing",
    };
}

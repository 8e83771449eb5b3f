using System.Text.Json;
using Edge.Uplink.Messages;

namespace Edge.Cli.Tests.Watch;

/// <summary>Alerts as the sensor publishes them, for the watch tests.</summary>
internal static class WatchFixtures
{
    public static AlertMessage Alert(string category = "cnc", string severity = "high", string agency = "town-a", string sensor = "gw-1",
        string evidence = "10.77.0.51 looked up update-sync-cdn.example, listed as cnc (list domains.txt)", long count = 1,
        AlertEndpoint? src = null, AlertEndpoint? dst = null, bool update = false) => new()
    {
        Id = "01M6DMBJ0Y6CTYZG94N8VQH17R",
        Ts = "2026-11-25T21:00:54.974589Z",
        FirstSeen = "2026-11-02T08:00:04.126140Z",
        LastSeen = "2026-11-02T08:00:04.126140Z",
        Count = count,
        Update = update,
        Agency = agency,
        Sensor = sensor,
        Category = category,
        Severity = severity,
        Rule = new AlertRuleRef("edge.intel.dns", "Lookup of a listed name"),
        Indicator = "update-sync-cdn.example",
        Kind = "dns-query",
        Src = src ?? new AlertEndpoint("10.77.0.51", 35726),
        Dst = dst ?? new AlertEndpoint("192.0.2.53", 53),
        Proto = "UDP",
        Evidence = evidence,
    };

    public static byte[] Payload(AlertMessage alert) => JsonSerializer.SerializeToUtf8Bytes(alert, UplinkJsonContext.Default.AlertMessage);
}

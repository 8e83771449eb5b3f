using System.Globalization;
using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Firmware.Slots;

namespace Edge.Service.Firmware;

/// <summary>A firmware rollback as an alert about the sensor itself: category <c>sensor</c>, high (the
/// LEDs show it until acknowledged), no client and no protocol since no packet is behind it. Its id
/// comes from the rollback record alone, so a retry after a crash gives the same id.</summary>
public static class RollbackAlert
{
    public const string RuleId = "edge.firmware.rollback";
    public const string RuleName = "Firmware update rolled back";

    public static Alert Create(RollbackRecord rollback, string? runningVersion = null)
    {
        var micros = (rollback.At - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
        var at = rollback.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var running = runningVersion is null ? $"slot {rollback.To}" : $"slot {rollback.To} ({runningVersion})";
        var finding = new Finding
        {
            RuleId = RuleId,
            RuleName = RuleName,
            Category = AlertCategories.Sensor,
            Severity = Severity.High,
            Kind = EvidenceKinds.FirmwareRollback,
            Indicator = rollback.Version,
            Evidence = $"firmware {rollback.Version} in slot {rollback.From} was rolled back at {at}: {rollback.Reason}; {running} runs again",
            TimestampMicros = micros,
            Client = default,
        };
        var id = AlertId.FromKey($"{RuleId}\n{rollback.From}\n{rollback.To}\n{rollback.Version}\n{rollback.Reason}", micros);
        return new Alert(id, finding, micros, micros, 1, IsUpdate: false);
    }
}

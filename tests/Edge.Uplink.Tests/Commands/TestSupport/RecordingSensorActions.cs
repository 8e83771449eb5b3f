using System.Text;
using System.Text.Json;
using Edge.Uplink.Commands.Actions;

namespace Edge.Uplink.Tests.Commands.TestSupport;

/// <summary>Sensor actions that record what commands did. <see cref="Changes"/> counts what changed
/// the sensor (a known alert acked, an LED test, a list applied, a key set); <see cref="Calls"/> every call.</summary>
internal sealed class RecordingSensorActions : ISensorActions
{
    public const string KnownAlert = "01JX0000000000000000000ACK";

    public HashSet<string> KnownAlerts { get; } = new(StringComparer.Ordinal) { KnownAlert };
    public List<string> Acked { get; } = [];
    public int LedTests { get; private set; }
    public List<(IntelUpdate Update, string Text)> Intel { get; } = [];
    public Dictionary<string, string> Config { get; } = new(StringComparer.Ordinal) { ["Uplink:Broker"] = "mqtt://broker:1883" };
    public Dictionary<string, byte[]> Evidence { get; } = new(StringComparer.Ordinal);
    public IntelApplyOutcome? IntelOutcome { get; set; }
    /// <summary>When set, the LED test throws it (a driver fault).</summary>
    public Exception? LedFault { get; set; }
    public int Changes { get; private set; }
    public int Calls { get; private set; }

    public ValueTask<bool> AckAsync(string alertId, CancellationToken cancellationToken)
    {
        Calls++;
        if (!KnownAlerts.Contains(alertId))
            return ValueTask.FromResult(false);
        Acked.Add(alertId);
        Changes++;
        return ValueTask.FromResult(true);
    }

    public ValueTask LedTestAsync(CancellationToken cancellationToken)
    {
        Calls++;
        if (LedFault is not null)
            throw LedFault;
        LedTests++;
        Changes++;
        return ValueTask.CompletedTask;
    }

    public async ValueTask<IntelApplyOutcome> ApplyIntelAsync(IntelUpdate update, CancellationToken cancellationToken)
    {
        Calls++;
        var text = await File.ReadAllTextAsync(update.Path, Encoding.UTF8, cancellationToken);
        if (IntelOutcome is { Ok: false } refused)
            return refused;
        Intel.Add((update, text));
        Changes++;
        return IntelOutcome ?? IntelApplyOutcome.Applied(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, "v-" + update.Sha256[..8]);
    }

    public ValueTask<JsonElement?> GetConfigAsync(string? section, CancellationToken cancellationToken)
    {
        Calls++;
        var selected = Config.Where(kv => section is null || kv.Key.StartsWith(section + ":", StringComparison.Ordinal)).ToList();
        if (selected.Count == 0)
            return ValueTask.FromResult<JsonElement?>(null);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in selected)
                writer.WriteString(key, value);
            writer.WriteEndObject();
        }
        return ValueTask.FromResult<JsonElement?>(JsonDocument.Parse(buffer.ToArray()).RootElement.Clone());
    }

    public ValueTask<ConfigSetOutcome> SetConfigAsync(string key, string value, CancellationToken cancellationToken)
    {
        Calls++;
        if (!Config.ContainsKey(key))
            return ValueTask.FromResult(ConfigSetOutcome.RefusedKey($"no setting {key}"));
        if (key == "Uplink:Broker" && !value.StartsWith("mqtt://", StringComparison.Ordinal) && !value.StartsWith("mqtts://", StringComparison.Ordinal))
            return ValueTask.FromResult(ConfigSetOutcome.RefusedValue("Broker must be mqtt:// or mqtts://host:port"));
        Config[key] = value;
        Changes++;
        return ValueTask.FromResult(ConfigSetOutcome.Accepted(restartRequired: true));
    }

    public Stream? OpenEvidence(string alertId)
    {
        Calls++;
        return Evidence.TryGetValue(alertId, out var bytes) ? new MemoryStream(bytes, writable: false) : null;
    }
}

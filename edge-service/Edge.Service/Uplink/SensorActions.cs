using System.Text.Json;
using Edge.Detect.Intel;
using Edge.Service.Configuration;
using Edge.Uplink.Commands.Actions;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Uplink;

/// <summary>What signed commands do to this sensor: acknowledge alerts, run the LED test, swap in a
/// received intel list, read and set settings, hand out evidence files.</summary>
public sealed class SensorActions(
    AlertAcknowledgements acknowledgements,
    IntelHolder intel,
    IntelCatalog catalog,
    SettingsEditor settings,
    string? evidenceDirectory,
    ILogger logger) : ISensorActions
{
    /// <summary>LED tests asked for; the LED controller (hardware issue) runs the pattern.</summary>
    public long LedTests { get; private set; }

    public event Action? LedTestRequested;

    /// <summary>The version of the intel in use after the last update (null until one).</summary>
    public string? IntelVersion { get; private set; }

    public ValueTask<bool> AckAsync(string alertId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(acknowledgements.Acknowledge(alertId));

    public ValueTask LedTestAsync(CancellationToken cancellationToken)
    {
        LedTests++;
        CommandLog.LedTest(logger);
        LedTestRequested?.Invoke();
        return ValueTask.CompletedTask;
    }

    public ValueTask<IntelApplyOutcome> ApplyIntelAsync(IntelUpdate update, CancellationToken cancellationToken)
    {
        var placed = catalog.Place(update);
        var result = intel.ReloadByShards(catalog.Sources());
        if (!result.Swapped)
        {
            catalog.Undo(placed);
            var why = result.Report.Warnings.Count > 0 ? result.Report.Warnings[0].ToString() : "the lists could not be loaded";
            CommandLog.IntelRefused(logger, update.List, why);
            return ValueTask.FromResult(IntelApplyOutcome.Refused(why));
        }
        catalog.Keep();
        var report = result.Report;
        var version = catalog.Version(report);
        CommandLog.IntelSwapped(logger, update.List, report.Domains, report.Cidrs, version);
        IntelVersion = version;
        return ValueTask.FromResult(IntelApplyOutcome.Applied(result.Report.Domains + result.Report.Cidrs, version));
    }

    /// <summary>Reads every list again from disk (the configured ones and those received earlier) and
    /// swaps the set in shard by shard, answers and detection going on: at start when lists were
    /// received before the restart, and on SIGHUP after a technician replaced files. A set that does
    /// not load leaves the one in use.</summary>
    public bool ReloadIntel(string why)
    {
        var result = intel.ReloadByShards(catalog.Sources());
        if (!result.Swapped)
        {
            CommandLog.IntelReloadRefused(logger, why,
                result.Report.Warnings.Count > 0 ? result.Report.Warnings[0].ToString() : "the lists could not be loaded");
            return false;
        }
        IntelVersion = catalog.Version(result.Report);
        CommandLog.IntelReloaded(logger, why, result.Report.Domains, result.Report.Cidrs, IntelVersion);
        return true;
    }

    /// <summary>Whether lists received by <c>intel-update</c> before this start wait to be loaded.</summary>
    public bool HasReceivedIntel => catalog.HasReceived;

    public ValueTask<JsonElement?> GetConfigAsync(string? section, CancellationToken cancellationToken) =>
        ValueTask.FromResult(settings.Section(section));

    public ValueTask<ConfigSetOutcome> SetConfigAsync(string key, string value, CancellationToken cancellationToken) =>
        ValueTask.FromResult(settings.Set(key, value));

    public Stream? OpenEvidence(string alertId)
    {
        if (string.IsNullOrEmpty(evidenceDirectory) || alertId.Length != 26 || !IsUlidText(alertId))
            return null;
        var path = Path.Combine(evidenceDirectory, alertId + ".pcap");
        try
        {
            return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsUlidText(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'A' and <= 'Z')))
                return false;
        }
        return true;
    }
}

using System.Text.Json;

namespace Edge.Uplink.Commands.Actions;

/// <summary>What commands may do to the sensor, implemented by the service. Called one command at a
/// time, only for commands that passed every check.</summary>
public interface ISensorActions
{
    /// <summary>Marks the alert acknowledged (the LEDs stop showing it); false when no such alert is known.</summary>
    ValueTask<bool> AckAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>Runs the LED test pattern.</summary>
    ValueTask LedTestAsync(CancellationToken cancellationToken);

    /// <summary>Checks the verified list file and swaps it in. The file is deleted after the call
    /// unless the service moved it.</summary>
    ValueTask<IntelApplyOutcome> ApplyIntelAsync(IntelUpdate update, CancellationToken cancellationToken);

    /// <summary>The configuration (one section of <c>Edge</c>, or all when null) as JSON, secrets
    /// left out; null when there is no such section.</summary>
    ValueTask<JsonElement?> GetConfigAsync(string? section, CancellationToken cancellationToken);

    /// <summary>Validates and sets one key (<c>Section:Key</c> under <c>Edge</c>).</summary>
    ValueTask<ConfigSetOutcome> SetConfigAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>The alert's evidence pcap, readable and seekable; null when none is kept.</summary>
    Stream? OpenEvidence(string alertId);
}

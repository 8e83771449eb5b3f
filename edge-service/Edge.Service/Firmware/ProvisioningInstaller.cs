using Edge.Firmware.Provisioning;
using Edge.Service.Configuration;
using Edge.Uplink.Commands.Signing;

namespace Edge.Service.Firmware;

/// <summary>Installs a signed provisioning set on the sensor: checked against the bundle keys the
/// sensor trusts now (or, never provisioned, the set's own), written beside the configuration file,
/// loaded once as the service would load it, then switched in with one rename. The service restarts
/// on the slot root's <c>update-ready</c>, as after a bundle.</summary>
public sealed class ProvisioningInstaller(string configurationFile, string? slotRoot, TimeProvider time)
{
    public ProvisioningInstallResult Install(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > ProvisioningFormat.MaxBytes)
            return Refused(ProvisioningRefusalCode.Malformed, $"the file is {length} bytes, over the {ProvisioningFormat.MaxBytes}-byte cap");
        var file = File.ReadAllBytes(path);
        if (CurrentlyTrusted(out var problem) is not { } trusted)
            return Refused(ProvisioningRefusalCode.UnknownKey, problem!);
        if (!ProvisioningReader.TryRead(file, trusted, time.GetUtcNow(), out var set, out var keyId, out var refusal))
            return new ProvisioningInstallResult(null, refusal);
        try
        {
            ProvisionedFiles.Install(set, file, configurationFile, candidate => EdgeConfiguration.Load(candidate));
        }
        catch (ConfigurationException e)
        {
            return Refused(ProvisioningRefusalCode.Invalid, $"the configuration it makes is refused: {e.Message}");
        }
        if (slotRoot is not null && Directory.Exists(slotRoot))
            File.WriteAllText(Path.Combine(slotRoot, FirmwareInstaller.UpdateReadyFile), $"provisioned {set.Agency}/{set.Sensor}\n");
        return new ProvisioningInstallResult(new ProvisionedIdentity(set.Agency, set.Sensor, set.Broker, keyId), null);
    }

    /// <summary>The bundle keys of the configuration in force. No configuration file at all is a sensor
    /// never provisioned (no key: the set's own keys decide). A file that exists but no longer loads
    /// (a missing certificate, a bad remote setting) still names its keys, read straight from its JSON,
    /// so it does not open the sensor to whoever holds the cable; one that is not even JSON is refused.</summary>
    private TrustedKeys? CurrentlyTrusted(out string? problem)
    {
        problem = null;
        var exists = File.Exists(configurationFile);
        try
        {
            var settings = EdgeConfiguration.LoadWithOverrides(exists ? configurationFile : null);
            return TrustedKeys.From(settings.Firmware.TrustedKeys);
        }
        catch (ConfigurationException e) when (exists)
        {
            if (ConfiguredKeys.TryRead(configurationFile, out var keys))
                return keys;
            problem = $"the sensor's configuration does not load ({e.Message}) and its trusted keys cannot be read from it";
            return null;
        }
        catch (ConfigurationException e)
        {
            problem = $"the sensor's bundled settings do not load: {e.Message}";
            return null;
        }
    }

    private static ProvisioningInstallResult Refused(ProvisioningRefusalCode code, string message) =>
        new(null, new ProvisioningRefusal(code, message));
}

/// <param name="Identity">Who the sensor is now, or null when refused.</param>
public sealed record ProvisioningInstallResult(ProvisionedIdentity? Identity, ProvisioningRefusal? Refusal);

/// <summary>What may be printed about an installed set: nothing secret.</summary>
public sealed record ProvisionedIdentity(string Agency, string Sensor, string Broker, string SignedBy)
{
    public override string ToString() => $"{Agency}/{Sensor}, broker {Broker}, signed by '{SignedBy}'";
}

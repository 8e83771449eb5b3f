using System.Text;
using Edge.Firmware.Bundles;
using Edge.Firmware.Files;
using Edge.Firmware.Slots;
using Edge.Firmware.Versions;
using Edge.Uplink.Commands.Signing;

namespace Edge.Service.Firmware;

/// <summary>Installs a signed bundle on the sensor: verified against the trusted keys, this board and
/// the running version while it is unpacked beside the idle slot, then made the idle slot and booted
/// on trial. A refused bundle changes nothing; a cut anywhere leaves <c>current</c> on a whole slot.</summary>
public sealed class FirmwareInstaller(SlotStore slots, TrustedKeys keys, string? board, string runningVersion)
{
    /// <summary>Written in the slot root after each install, for the service manager to restart the sensor.</summary>
    public const string UpdateReadyFile = "update-ready";

    /// <summary>Written into each slot by the install: the bundle version in it. Downgrades are judged
    /// against the active slot's, since a binary's own assembly version need not follow bundle versions.</summary>
    public const string SlotVersionFile = ".edge-bundle-version";

    /// <summary>The bundle version of the active slot, or null before the first install.</summary>
    public static string? InstalledVersion(SlotStore slots)
    {
        var file = Path.Combine(slots.SlotPath(slots.Active), SlotVersionFile);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    public FirmwareInstallResult Install(string bundlePath)
    {
        slots.Initialise();
        var staging = slots.PrepareStaging();
        // The verifier unpacks into a folder of its own making and renames it into place.
        Directory.Delete(staging);
        var current = Newest(InstalledVersion(slots), runningVersion);
        BundleVerification verification;
        using (var stream = new FileStream(bundlePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            verification = new BundleVerifier(keys, new BundlePolicy(board, current)).Verify(stream, staging);
        if (verification.Refusal is { } refusal)
            return new FirmwareInstallResult(null, null, refusal);
        var version = verification.Manifest!.Version;
        DurableFile.WriteAllBytes(Path.Combine(staging, SlotVersionFile), Encoding.UTF8.GetBytes(version + "\n"));
        slots.Activate(version);
        // Only an install writes this file: deploy/systemd/edge-service-update.path restarts the sensor on it.
        File.WriteAllText(Path.Combine(slots.Root, UpdateReadyFile), version + "\n");
        return new FirmwareInstallResult(version, slots.Active, null);
    }

    private static SemVersion? Newest(string? installed, string running)
    {
        var slot = installed is not null && SemVersion.TryParse(installed, out var a, out _) ? a : null;
        var binary = SemVersion.TryParse(running, out var b, out _) ? b : null;
        if (slot is null || binary is null)
            return slot ?? binary;
        return slot.CompareTo(binary) >= 0 ? slot : binary;
    }
}

/// <param name="Version">The version installed, or null when refused.</param>
/// <param name="Slot">The slot it went into, now booting on trial.</param>
public sealed record FirmwareInstallResult(string? Version, string? Slot, BundleRefusal? Refusal);

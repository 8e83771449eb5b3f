namespace Edge.Service.Configuration;

/// <summary>The <c>Edge:Firmware</c> section: where the A/B slots live, the keys a bundle must be
/// signed with, and how long a new version has to prove healthy.</summary>
public sealed class FirmwareSettings
{
    /// <summary>The slot root (<c>/opt/edge</c> on the sensor). Empty: the root the running binary
    /// is in (<c>ROOT/slots/a/edge-service</c>), else none (a developer's build).</summary>
    public string SlotRoot { get; set; } = "";

    /// <summary>Key id → Ed25519 public key (base64 or PEM) of the technicians' bundle keys.</summary>
    public Dictionary<string, string> TrustedKeys { get; set; } = new(StringComparer.Ordinal);

    public int TrialDeadlineSeconds { get; set; } = 300;

    public int MaxTrialStarts { get; set; } = 3;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TrialDeadlineSeconds, 30, nameof(TrialDeadlineSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTrialStarts, 1, nameof(MaxTrialStarts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTrialStarts, 100, nameof(MaxTrialStarts));
    }

    /// <summary>The configured root, or the one the running binary sits in, or null.</summary>
    public string? ResolveSlotRoot()
    {
        if (SlotRoot.Length > 0)
            return Path.GetFullPath(SlotRoot);
        var binary = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        return binary.Name is "a" or "b" && binary.Parent is { Name: "slots", Parent: { } root } ? root.FullName : null;
    }
}

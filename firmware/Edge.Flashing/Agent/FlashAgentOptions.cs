using Edge.Flashing.Framing;

namespace Edge.Flashing.Agent;

public sealed class FlashAgentOptions
{
    /// <summary>Holds incoming.part and incoming.state; must survive a reboot (not tmpfs) for resume to work.</summary>
    public required string StagingDirectory { get; init; }

    /// <summary>Bytes written between fsyncs; each fsync also records the offset as confirmed.</summary>
    public int SyncEveryBytes { get; init; } = 64 * 1024;

    public long MaxBundleBytes { get; init; } = 1L << 30;

    /// <summary>A provisioning set is a few kilobytes of certificates and keys.</summary>
    public long MaxProvisioningBytes { get; init; } = 1L << 20;

    public int MaxPayload { get; init; } = FrameLayout.MaxPayload;

    public string SoftwareVersion { get; init; } = "";

    public string Board { get; init; } = "";

    public string SensorId { get; init; } = "";

    /// <summary>Told what the agent does (with the outcome's message for Installed and Refused); called
    /// on the agent's thread for every accepted Data frame too, so keep it cheap or throttle.</summary>
    public Action<FlashActivity, string?>? Activity { get; init; }

    /// <summary>Longest wait for the port to take one frame; then the session ends and the port is opened
    /// again, so a laptop that stopped reading (hung, suspended) never stalls the agent.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait between attempts to open the port, and after a session ends (the gadget reappears when a cable is plugged in).</summary>
    public TimeSpan ReopenDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}

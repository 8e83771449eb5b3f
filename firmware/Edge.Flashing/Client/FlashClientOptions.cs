using Edge.Flashing.Framing;

namespace Edge.Flashing.Client;

public sealed class FlashClientOptions
{
    /// <summary>Data frames in flight before the first is acknowledged (go-back-N with cumulative acks).</summary>
    public int WindowFrames { get; init; } = 8;

    public int MaxPayload { get; init; } = FrameLayout.MaxPayload;

    /// <summary>
    /// First wait for an answer before sending again; doubles per silent wait up to
    /// <see cref="MaxRetransmitTimeout"/>. At 115200 baud one 4 KiB frame takes 0.36 s, so keep this above that.
    /// </summary>
    public TimeSpan InitialRetransmitTimeout { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetransmitTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Silent waits in a row after which the link is taken for gone and the port is opened again.</summary>
    public int MaxRetransmits { get; init; } = 5;

    /// <summary>How long the sensor may take to verify and install once it has acknowledged End.</summary>
    public TimeSpan ResultTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Longest time without progress (port gone, sensor silent) before giving up.</summary>
    public TimeSpan ReconnectBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait between attempts to open the port again.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public string SoftwareVersion { get; init; } = "";
}

namespace Edge.Service.Configuration;

/// <summary>The <c>Edge:Capture</c> section: where <c>edge-service run</c> reads frames. A live
/// <c>Interface</c> wins; else <c>File</c>; with neither, the bundled sample capture; with <c>Enabled</c> false, none.</summary>
public sealed class CaptureSettings
{
    /// <summary>False for a sensor that only forwards DNS (no mirror port): nothing is captured, the
    /// forwarder's traffic still reaches the detectors.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A network interface to capture from live (the mirror/SPAN port), e.g. <c>eth1</c>.</summary>
    public string Interface { get; set; } = "";

    /// <summary>A pcap or pcapng file to replay when no interface is set.</summary>
    public string File { get; set; } = "";

    /// <summary><c>Realtime</c> keeps the file's packet spacing; <c>Fast</c> reads as fast as it can.</summary>
    public CapturePace Pace { get; set; } = CapturePace.Realtime;

    /// <summary>With <c>Realtime</c>, how much faster than recorded a file plays (10 = ten times).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>A BPF filter for live capture (tcpdump syntax); empty captures everything.</summary>
    public string Filter { get; set; } = "";

    public bool Promiscuous { get; set; } = true;

    public int SnapLength { get; set; } = 65535;

    /// <summary>The kernel's capture buffer; a larger one rides out bursts without drops.</summary>
    public int BufferMiB { get; set; } = 16;

    /// <summary>Once the file ends the service keeps running (status page, uplink, LEDs) unless this is set.</summary>
    public bool ExitAtEndOfFile { get; set; }

    public void Validate()
    {
        if (!Enum.IsDefined(Pace))
            throw new ArgumentException("must be Realtime or Fast", nameof(Pace));
        if (Interface.Length > 15 || Interface.Contains('/', StringComparison.Ordinal) || Interface.Contains(' ', StringComparison.Ordinal))
            throw new ArgumentException($"'{Interface}' is not an interface name", nameof(Interface));
        if (!(Speed >= 0.01 && Speed <= 1000))
            throw new ArgumentException($"{Speed} must be between 0.01 and 1000", nameof(Speed));
        ArgumentOutOfRangeException.ThrowIfLessThan(SnapLength, 64);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SnapLength, 262144);
        ArgumentOutOfRangeException.ThrowIfLessThan(BufferMiB, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BufferMiB, 1024);
    }
}

public enum CapturePace
{
    Realtime,
    Fast,
}

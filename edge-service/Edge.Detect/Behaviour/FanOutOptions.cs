namespace Edge.Detect.Behaviour;

/// <summary>Defaults: the corpus WannaCry rule (≥ 20 distinct addresses on one port) within a minute,
/// and a wider scan view of ≥ 64 distinct (address, port) targets within a minute.</summary>
public sealed class FanOutOptions
{
    public int PortThreshold { get; set; } = 20;

    public double PortWindowSeconds { get; set; } = 60;

    /// <summary>(source, port) pairs tracked at once; least recently active evicted beyond this.</summary>
    public int MaxPortSources { get; set; } = 4096;

    public int ScanThreshold { get; set; } = 64;

    public double ScanWindowSeconds { get; set; } = 60;

    public int MaxScanSources { get; set; } = 1024;

    /// <summary>Seed of the distinct-counting hashes. Unset, each run draws one (an outsider cannot aim
    /// collisions); a replay sets it so the same capture always gives the same figures.</summary>
    public ulong? HashSeed { get; set; }

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PortThreshold, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PortThreshold, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(ScanThreshold, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ScanThreshold, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PortWindowSeconds, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ScanWindowSeconds, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPortSources, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxScanSources, 1);
    }
}

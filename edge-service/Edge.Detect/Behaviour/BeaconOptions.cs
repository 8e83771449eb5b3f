namespace Edge.Detect.Behaviour;

/// <summary>Defaults follow the corpus rule: at least 8 connections, mean interval 1–600 s, CV ≤ 0.25.</summary>
public sealed class BeaconOptions
{
    /// <summary>Series tracked at once; the least recently active is evicted beyond this.</summary>
    public int MaxSeries { get; set; } = 4096;

    /// <summary>Most recent inter-arrival times (and connection sizes) kept per series.</summary>
    public int Window { get; set; } = 64;

    public int MinConnections { get; set; } = 8;

    public double Threshold { get; set; } = 0.7;

    public double MinMeanIntervalSeconds { get; set; } = 1;

    public double MaxMeanIntervalSeconds { get; set; } = 600;

    public double MaxCv { get; set; } = 0.25;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSeries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 4);
        // The scorer sorts a window on the stack.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Window, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinConnections, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinConnections, Window + 1);
        ArgumentOutOfRangeException.ThrowIfNegative(Threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinMeanIntervalSeconds, MaxMeanIntervalSeconds);
    }
}

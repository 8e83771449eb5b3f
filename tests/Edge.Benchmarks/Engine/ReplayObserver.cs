namespace Edge.Benchmarks.Engine;

/// <summary>What listens to the engine in <see cref="DetectionThroughputBenchmarks"/>.</summary>
public enum ReplayObserver
{
    /// <summary><c>NullWatchObserver</c>: decode and extract only, as <c>edge-service replay --no-detect</c>.</summary>
    DecodeOnly,

    /// <summary><c>DetectionEngine</c> with the corpus intel and an alert pipeline into a null sink, as
    /// <c>edge-service replay --intel ../shared/corpora/intel</c> without an event log.</summary>
    Detection,
}

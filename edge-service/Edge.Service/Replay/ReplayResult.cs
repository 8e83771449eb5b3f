using Edge.Watch.Decoding;
using Edge.Watch.Flows;
using Edge.Watch.Pipeline;

namespace Edge.Service.Replay;

/// <summary>What a replay measured: the engine's counters plus wall time and managed allocation.</summary>
public sealed record ReplayResult(
    IReadOnlyList<string> Files,
    WatchCounters Counters,
    FlowTableCounters Flows,
    DecodeErrorCounters Errors,
    TimeSpan Elapsed,
    long AllocatedBytes,
    long EventsWritten,
    (long Checked, long Bad, bool OffloadDetected) Checksums,
    IReadOnlyList<string> Warnings)
{
    public Edge.Detect.Alerts.AlertCounters? Alerts { get; init; }

    public ReplayEvidence? Evidence { get; init; }

    public double PacketsPerSecond => Elapsed.TotalSeconds > 0 ? Counters.Packets / Elapsed.TotalSeconds : 0;

    public double AllocatedBytesPerPacket => Counters.Packets > 0 ? (double)AllocatedBytes / Counters.Packets : 0;
}

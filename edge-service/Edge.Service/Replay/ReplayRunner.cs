using System.Diagnostics;
using Edge.Service.Capture;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;

namespace Edge.Service.Replay;

/// <summary>Feeds capture files through one engine as fast as they can be read. Capture time drives
/// the flow timeouts; the wall clock only measures the run.</summary>
public sealed class ReplayRunner(WatchOptions options, IWatchObserver observer)
{
    /// <summary>Frames between progress callbacks.</summary>
    private const int ProgressEvery = 65_536;

    /// <summary>The engine of the run in progress (null before the first), for a heartbeat to read its counters.</summary>
    public WatchEngine? Engine { get; private set; }

    public ReplayResult Run(IReadOnlyList<string> files, Action<long, long>? progress = null, CancellationToken cancel = default)
    {
        var engine = new WatchEngine(options, observer);
        Engine = engine;
        var warnings = new List<string>();
        long totalBytes = 0;
        foreach (var file in files)
            totalBytes += new FileInfo(file).Length;

        long doneBytes = 0;
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        foreach (var file in files)
        {
            using var source = new PcapFileSource(file);
            if (!LinkTypes.IsSupported(source.LinkType))
            {
                warnings.Add($"{file}: link type {(int)source.LinkType} is not supported; skipped");
                continue;
            }
            var sinceProgress = 0;
            while (source.TryRead(out var frame))
            {
                engine.Process(source.LinkType, frame.TimestampMicros, frame.Data, frame.WireLength);
                if (++sinceProgress == ProgressEvery)
                {
                    sinceProgress = 0;
                    progress?.Invoke(doneBytes + source.Position, totalBytes);
                    if (cancel.IsCancellationRequested)
                        break;
                }
            }
            if (source.BadTimestamps > 0)
                warnings.Add($"{file}: {source.BadTimestamps} record(s) had a time outside 1970..9999 (clamped)");
            if (source.Error is { } error)
                warnings.Add($"{file}: reading stopped early: {error}");
            doneBytes += source.Length;
            progress?.Invoke(doneBytes, totalBytes);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        engine.Finish();
        clock.Stop();
        return new ReplayResult(files, engine.Counters, engine.Flows.Counters, engine.Errors, clock.Elapsed,
            allocated, 0, engine.Checksums, warnings);
    }
}

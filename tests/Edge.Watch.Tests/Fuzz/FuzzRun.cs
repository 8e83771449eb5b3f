using System.Diagnostics;
using System.Globalization;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>One fuzz run on its own thread: feeds the seed's frame sequence to a guarded engine
/// until the frame count is reached or something breaks; the first failure is written to a hex file.</summary>
public sealed class FuzzRun(FuzzSettings settings, IReadOnlyList<FuzzSeed> seeds)
{
    private const int HistoryFrames = 32;
    private const int MaxStallChecks = 3;

    private readonly FuzzFrameSource _source = new(settings.Seed, seeds);
    private readonly FrameHistory _history = new(HistoryFrames);
    private readonly GuardedEngine _guard = new(settings.MaxFrameTime);
    private readonly Stopwatch _stopwatch = new();
    private int _stallChecks;
    private int _slowOnBusyMachine;

    public FuzzReport? Report { get; private set; }

    public void Execute()
    {
        _stopwatch.Start();
        while (_source.Mutated < settings.Frames)
        {
            var frame = _source.Next(out var linkType, out var timestamp);
            _history.Add(frame);
            var failure = _guard.Feed(linkType, timestamp, frame);
            if (failure is null && _guard.LastFrameSlow)
                failure = CheckSlowFrame();
            if (failure is not null)
            {
                Report = Fail(_source.LastWasOriginal ? $"the unmutated frame after the mutated one: {failure}" : failure);
                return;
            }
        }
        var end = _guard.Finish();
        Report = end is null ? Build(null) : Fail($"flushing the flow table: {end}");
    }

    /// <summary>Called when the run overran its budget: the current frame has not returned.</summary>
    public FuzzReport Abandon() =>
        Fail($"stall: frame {_source.Total:N0} had not returned when the {settings.Budget.TotalSeconds:F0} s budget ran out");

    private string? CheckSlowFrame()
    {
        var milliseconds = _guard.LastFrameMilliseconds;
        if (_stallChecks == MaxStallChecks)
        {
            _slowOnBusyMachine++;
            return null;
        }
        _stallChecks++;
        if (StallCheck.IsRealStall(settings.Seed, seeds, _source.Total, settings.MaxFrameTime))
            return $"stall: one frame took {milliseconds:F0} ms, and as long on every replay";
        _slowOnBusyMachine++;
        return null;
    }

    private FuzzReport Fail(string failure)
    {
        var frames = _history.ToList();
        var path = Path.Combine(settings.FailureDirectory, string.Create(CultureInfo.InvariantCulture, $"seed-{settings.Seed}-frame-{_source.Total}.hex"));
        var headline = failure.Split('\n')[0].Trim();
        HexInput.Write(path,
            [
                $"fuzz failure: {headline}",
                $"seed {settings.Seed}, frame {_source.Total} (mutated {_source.Mutated}); last mutation {_source.Log}",
                $"reproduce: EDGE_FUZZ_SEED={settings.Seed} EDGE_FUZZ_FRAMES={_source.Mutated} dotnet test --project tests/Edge.Watch.Tests --filter-class \"*EngineFuzzTests\"",
                $"the last {frames.Count} frames fed, failing frame last",
            ],
            frames);
        var last = frames.Count > 0 ? Convert.ToHexStringLower(frames[^1]) : "(none)";
        return Build($"{failure}\nlast mutation {_source.Log}\nfailing frame: {last}\nwritten to {path}");
    }

    private FuzzReport Build(string? failure)
    {
        var observer = _guard.Observer;
        var counters = _guard.Engine.Counters;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"engine: {counters.Packets:N0} packets, {_guard.Engine.Errors.Total:N0} decode errors, {counters.Reassembled:N0} reassembled; observer: {observer.Packets:N0} packets, {observer.DnsMessages:N0} dns ({observer.DnsRecords:N0} records), {observer.TlsHellos:N0} tls, {observer.HttpRequests:N0} http, {observer.FlowEnds:N0} flow ends; {_slowOnBusyMachine} slow frames not slow on replay (busy machine)");
        var slowest = _guard.SlowestFrameTicks * 1000.0 / Stopwatch.Frequency;
        return new FuzzReport(settings.Seed, _source.Mutated, _source.Total, _stopwatch.Elapsed, slowest, text, failure);
    }
}

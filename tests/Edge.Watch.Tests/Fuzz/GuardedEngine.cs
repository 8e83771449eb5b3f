using System.Diagnostics;
using Edge.Watch.Flows;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>The real engine and a consuming observer, fed one frame at a time: an exception or a
/// frame slower than the limit comes back as a failure text instead of escaping.</summary>
public sealed class GuardedEngine
{
    private readonly long _maxFrameTicks;
    private readonly FrameHistory? _history;

    public GuardedEngine(TimeSpan maxFrameTime, FrameHistory? history = null)
    {
        Observer = new ConsumingObserver();
        Engine = new WatchEngine(new WatchOptions { Flows = new FlowTableOptions { MaxFlows = 4096 } }, Observer);
        _maxFrameTicks = (long)(maxFrameTime.TotalSeconds * Stopwatch.Frequency);
        _history = history;
    }

    public WatchEngine Engine { get; }

    public ConsumingObserver Observer { get; }

    public long SlowestFrameTicks { get; private set; }

    public string? Feed(LinkType linkType, long timestampMicros, ReadOnlySpan<byte> frame)
    {
        _history?.Add(frame);
        var start = Stopwatch.GetTimestamp();
        try
        {
            Engine.Process(linkType, timestampMicros, frame, frame.Length);
        }
        catch (Exception e)
        {
            return e.ToString();
        }
        var ticks = Stopwatch.GetTimestamp() - start;
        if (ticks > SlowestFrameTicks)
            SlowestFrameTicks = ticks;
        return ticks > _maxFrameTicks ? $"stall: one frame took {Stopwatch.GetElapsedTime(start, start + ticks).TotalMilliseconds:F0} ms" : null;
    }

    /// <summary>Ends every flow, as at the end of a capture (flow-end events reach the observer).</summary>
    public string? Finish()
    {
        try
        {
            Engine.Finish();
            return null;
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }
}

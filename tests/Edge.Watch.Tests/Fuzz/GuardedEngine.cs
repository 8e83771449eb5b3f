using System.Diagnostics;
using Edge.Watch.Flows;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>The real engine and a consuming observer, fed one frame at a time: an exception comes
/// back as a failure text instead of escaping, and each frame is timed against the limit.</summary>
public sealed class GuardedEngine
{
    private readonly long _maxFrameTicks;
    public GuardedEngine(TimeSpan maxFrameTime)
    {
        Observer = new ConsumingObserver();
        Engine = new WatchEngine(new WatchOptions { Flows = new FlowTableOptions { MaxFlows = 4096 } }, Observer);
        _maxFrameTicks = (long)(maxFrameTime.TotalSeconds * Stopwatch.Frequency);
    }

    public WatchEngine Engine { get; }

    public ConsumingObserver Observer { get; }

    public long SlowestFrameTicks { get; private set; }

    /// <summary>True when the last frame took longer than the limit.</summary>
    public bool LastFrameSlow { get; private set; }

    public double LastFrameMilliseconds { get; private set; }

    public string? Feed(LinkType linkType, long timestampMicros, ReadOnlySpan<byte> frame)
    {
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
        LastFrameSlow = ticks > _maxFrameTicks;
        if (LastFrameSlow)
            LastFrameMilliseconds = ticks * 1000.0 / Stopwatch.Frequency;
        return null;
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

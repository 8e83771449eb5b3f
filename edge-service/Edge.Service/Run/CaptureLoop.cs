using Edge.Service.Capture;
using Edge.Watch.Pipeline;

namespace Edge.Service.Run;

/// <summary>The capture thread: frames from the source into the engine, and on quiet moments the
/// time-driven work that packets would otherwise trigger (idle flows ending, evidence captures
/// closing). Only this thread touches the engine. <paramref name="speed"/> is how much faster than
/// recorded a file plays, so quiet wall time counts that much capture time. <paramref name="between"/>
/// runs after every read, frame or not: messages from elsewhere (the DNS forwarder) reach the engine's
/// observers there, on this thread.</summary>
public sealed class CaptureLoop(IFrameSource source, WatchEngine engine, Action<long>? housekeeping, TimeProvider time, double speed = 1,
    Action? between = null)
{
    private static readonly TimeSpan HousekeepingEvery = TimeSpan.FromSeconds(1);

    private long _lastProgress = time.GetTimestamp();
    private long _lastFrameMicros;
    private long _lastFrameAt;
    private long _lastHousekeeping;

    /// <summary>The moment (TimeProvider timestamp) the loop last came back from the source; the
    /// watchdog petting stops when it grows old.</summary>
    public long LastProgress => Interlocked.Read(ref _lastProgress);

    public bool Finished { get; private set; }

    public Exception? Crash { get; private set; }

    public void Run()
    {
        try
        {
            while (true)
            {
                var outcome = source.Read(out var frame);
                var now = time.GetTimestamp();
                Interlocked.Exchange(ref _lastProgress, now);
                if (outcome == CaptureRead.Frame)
                {
                    engine.Process(source.LinkType, frame.TimestampMicros, frame.Data, frame.WireLength);
                    _lastFrameMicros = frame.TimestampMicros;
                    _lastFrameAt = now;
                    between?.Invoke();
                    continue;
                }
                if (outcome == CaptureRead.End)
                    break;
                between?.Invoke();
                Housekeep(now);
            }
        }
        catch (Exception e)
        {
            Crash = e;
        }
        finally
        {
            Finished = true;
        }
    }

    /// <summary>Capture time moves on while nothing arrives: the last frame's time plus the wall time since.</summary>
    private void Housekeep(long now)
    {
        if (_lastFrameAt == 0 || time.GetElapsedTime(_lastHousekeeping, now) < HousekeepingEvery)
            return;
        _lastHousekeeping = now;
        var captureNow = _lastFrameMicros + (long)(time.GetElapsedTime(_lastFrameAt, now).TotalMicroseconds * speed);
        engine.Flows.Expire(captureNow);
        housekeeping?.Invoke(captureNow);
    }
}

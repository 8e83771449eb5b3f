namespace Edge.Service.Capture;

/// <summary>When each frame of a capture file is due so the replay keeps the file's spacing: frame
/// <c>n</c> is due (its time − the first frame's time) after the first frame was handed out, with
/// absurd gaps cut to <see cref="MaxGap"/> and frames earlier than their predecessors due at once;
/// with a <see cref="Speed"/> above 1 every gap is that many times shorter.</summary>
internal sealed class RealtimePacer(TimeProvider time)
{
    private bool _started;
    private long _start;
    private long _latestMicros;
    private long _dueMicros;

    public TimeSpan MaxGap { get; set; } = FileFrameSource.DefaultMaxGap;

    public double Speed { get; set; } = 1;

    /// <summary>Gaps longer than <see cref="MaxGap"/> (a capture paused for days) that were cut short.</summary>
    public long ClampedGaps { get; private set; }

    /// <summary>Frames stamped earlier than one before them (reordering, a clock stepped back).</summary>
    public long TimeReversals { get; private set; }

    /// <summary>How long until the last scheduled frame is due; zero or less means now.</summary>
    public TimeSpan Remaining => TimeSpan.FromMicroseconds(_dueMicros) - time.GetElapsedTime(_start);

    public void Schedule(long timestampMicros)
    {
        if (!_started)
        {
            _started = true;
            _start = time.GetTimestamp();
            _latestMicros = timestampMicros;
            return;
        }
        var maxGapMicros = (long)MaxGap.TotalMicroseconds;
        var gap = timestampMicros - _latestMicros;
        if (gap < 0)
        {
            TimeReversals++;
            // A frame a little out of order keeps the latest time as the reference, so reordering
            // adds no drift; a clock stepped back by more than the longest gap starts a new reference.
            if (-gap > maxGapMicros)
                _latestMicros = timestampMicros;
            return;
        }
        if (gap > maxGapMicros)
        {
            gap = maxGapMicros;
            ClampedGaps++;
        }
        _dueMicros += Speed == 1 ? gap : (long)(gap / Speed);
        _latestMicros = timestampMicros;
    }
}

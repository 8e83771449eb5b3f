using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Edge.Service.Configuration;
using Edge.Watch.Link;

namespace Edge.Service.Capture;

/// <summary>Frames from a pcap or pcapng file for <c>edge-service run</c>: as fast as they can be read,
/// or at the pace they were captured (a demonstration sensor, a lab replay).</summary>
public sealed unsafe class FileFrameSource : IFrameSource
{
    public static readonly TimeSpan DefaultMaxGap = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_maxWait = TimeSpan.FromMilliseconds(100);

    private readonly PcapFileSource _file;
    private readonly CapturePace _pace;
    private readonly string _name;
    private readonly Action<TimeSpan> _wait;
    private readonly ManualResetEventSlim _stopped = new();
    private readonly CaptureCountersRecorder _counters = new();
    private readonly RealtimePacer _pacer;
    private bool _held;
    private long _heldTimestamp;
    private int _heldWireLength;
    private byte* _heldData;
    private int _heldLength;
    private volatile string? _error;

    /// <param name="wait">Waits for a span of time or until <see cref="Stop"/>; tests pass one that advances a fake clock.</param>
    public FileFrameSource(string path, CapturePace pace, TimeProvider time, Action<TimeSpan>? wait = null)
    {
        _file = new PcapFileSource(path);
        _pace = pace;
        _wait = wait ?? WaitForStop;
        _pacer = new RealtimePacer(time);
        _name = Path.GetFileName(path);
    }

    public string Description => _pace == CapturePace.Fast ? $"file {_name}, fast"
        : Speed == 1 ? $"file {_name}, realtime" : $"file {_name}, realtime ×{Speed:0.##}";

    public LinkType LinkType => _file.LinkType;

    public string? Error => _error;

    public CaptureCounters Counters => _counters.Snapshot;

    /// <summary>The longest pause kept between two frames in <see cref="CapturePace.Realtime"/>.</summary>
    public TimeSpan MaxGap
    {
        get => _pacer.MaxGap;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _pacer.MaxGap = value;
        }
    }

    /// <summary>How many times faster than recorded a <see cref="CapturePace.Realtime"/> replay plays.</summary>
    public double Speed
    {
        get => _pacer.Speed;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _pacer.Speed = value;
        }
    }

    /// <summary>Pauses longer than <see cref="MaxGap"/> that were shortened.</summary>
    public long ClampedGaps => _pacer.ClampedGaps;

    /// <summary>Frames stamped earlier than one before them, handed out without waiting.</summary>
    public long TimeReversals => _pacer.TimeReversals;

    public CaptureRead Read(out CapturedFrame frame)
    {
        frame = default;
        if (_stopped.IsSet)
            return CaptureRead.End;
        if (!_held)
        {
            if (!_file.TryRead(out var next))
            {
                _error = _file.Error;
                return CaptureRead.End;
            }
            if (_pace == CapturePace.Fast)
            {
                _counters.Frame(next.WireLength);
                frame = next;
                return CaptureRead.Frame;
            }
            Hold(next);
        }
        var remaining = _pacer.Remaining;
        if (remaining > TimeSpan.Zero)
        {
            _wait(remaining < s_maxWait ? remaining : s_maxWait);
            if (_stopped.IsSet)
                return CaptureRead.End;
            if (_pacer.Remaining > TimeSpan.Zero)
                return CaptureRead.Idle;
        }
        _held = false;
        _counters.Frame(_heldWireLength);
        frame = new CapturedFrame(_heldTimestamp, _heldWireLength, new ReadOnlySpan<byte>(_heldData, _heldLength));
        return CaptureRead.Frame;
    }

    public void Stop() => _stopped.Set();

    public void Dispose()
    {
        _stopped.Set();
        _file.Dispose();
    }

    private void Hold(CapturedFrame frame)
    {
        _pacer.Schedule(frame.TimestampMicros);
        _held = true;
        _heldTimestamp = frame.TimestampMicros;
        _heldWireLength = frame.WireLength;
        // The frame lives in libpcap's buffer (unmanaged, never moved) until the file's next read,
        // so a frame not yet due can be kept across Idle returns by its address.
        _heldData = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(frame.Data));
        _heldLength = frame.Data.Length;
    }

    private void WaitForStop(TimeSpan span) => _stopped.Wait((int)Math.Ceiling(span.TotalMilliseconds));
}

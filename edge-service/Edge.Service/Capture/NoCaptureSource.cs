using Edge.Watch.Link;

namespace Edge.Service.Capture;

/// <summary>The source of a sensor that captures nothing (<c>Edge:Capture:Enabled</c> false): it
/// never yields a frame, only the idle beats the capture loop drains the DNS forwarder's traffic and
/// keeps house on, early when <paramref name="wake"/> says traffic waits.</summary>
public sealed class NoCaptureSource(WaitHandle? wake) : IFrameSource
{
    private static readonly TimeSpan Beat = TimeSpan.FromMilliseconds(100);

    private readonly ManualResetEventSlim _stopped = new();
    private WaitHandle[]? _handles;

    public string Description => "no capture (DNS forwarder only)";

    public LinkType LinkType => LinkType.Ethernet;

    public string? Error => null;

    public CaptureCounters Counters => default;

    public CaptureRead Read(out CapturedFrame frame)
    {
        frame = default;
        if (_stopped.IsSet)
            return CaptureRead.End;
        if (wake is null)
            _stopped.Wait(Beat);
        else
            WaitHandle.WaitAny(_handles ??= [wake, _stopped.WaitHandle], Beat);
        return _stopped.IsSet ? CaptureRead.End : CaptureRead.Idle;
    }

    public void Stop() => _stopped.Set();

    public void Dispose() => _stopped.Dispose();
}

using Edge.Watch.Link;

namespace Edge.Service.Capture;

/// <summary>Frames for <c>edge-service run</c>: a live interface or a capture file. One thread reads;
/// <see cref="Stop"/>, <see cref="Counters"/> and <see cref="Error"/> may be used from any thread.
/// Dispose once the reading thread has seen <see cref="CaptureRead.End"/>: Stop, then Dispose.</summary>
public interface IFrameSource : IDisposable
{
    /// <summary>For people: <c>interface eth1, filter 'udp'</c> or <c>file lan-sample.pcap, realtime</c>.</summary>
    string Description { get; }

    LinkType LinkType { get; }

    /// <summary>Why the source ended early (interface gone, damaged file), or null.</summary>
    string? Error { get; }

    CaptureCounters Counters { get; }

    /// <summary>The next frame, <see cref="CaptureRead.Idle"/> after about 100 ms without one, or
    /// <see cref="CaptureRead.End"/>; <paramref name="frame"/> is set only for <see cref="CaptureRead.Frame"/>.</summary>
    CaptureRead Read(out CapturedFrame frame);

    /// <summary>Ends reading: a <see cref="Read"/> blocked on another thread returns
    /// <see cref="CaptureRead.End"/> within 200 ms, and so does every later one.</summary>
    void Stop();
}

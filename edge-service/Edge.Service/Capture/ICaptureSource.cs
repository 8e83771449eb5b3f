using Edge.Watch.Link;

namespace Edge.Service.Capture;

/// <summary>Where frames come from: a capture file, a live interface, a test.</summary>
public interface ICaptureSource : IDisposable
{
    string Name { get; }

    LinkType LinkType { get; }

    /// <summary>Bytes read so far and in total, for progress; total is 0 when unknown (live).</summary>
    long Position { get; }

    long Length { get; }

    /// <summary>Why reading stopped early (a damaged file), or null.</summary>
    string? Error { get; }

    /// <summary>False at the end of the source.</summary>
    bool TryRead(out CapturedFrame frame);
}

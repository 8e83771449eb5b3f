namespace Edge.Service.Capture;

/// <summary>What one <see cref="IFrameSource.Read"/> produced.</summary>
public enum CaptureRead
{
    /// <summary>A frame, valid until the next read.</summary>
    Frame,

    /// <summary>Nothing arrived within about 100 ms: time for housekeeping, then read again.</summary>
    Idle,

    /// <summary>No more frames: the end of a file, <see cref="IFrameSource.Stop"/>, or a fatal
    /// error (then <see cref="IFrameSource.Error"/> says which).</summary>
    End,
}

namespace Edge.Flashing.Framing;

public enum FrameStatus
{
    /// <summary>A whole, valid frame was read.</summary>
    Complete,
    /// <summary>No delimiter yet: keep the bytes and read more.</summary>
    NeedMore,
    /// <summary>The bytes up to the next delimiter are not a frame; they were consumed, so the next call starts at the next frame.</summary>
    Malformed,
}

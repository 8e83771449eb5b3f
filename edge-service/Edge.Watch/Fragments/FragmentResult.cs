namespace Edge.Watch.Fragments;

public enum FragmentResult : byte
{
    /// <summary>Held; the datagram is not complete yet.</summary>
    Incomplete,
    /// <summary>The last missing piece arrived: the datagram is whole.</summary>
    Complete,
    /// <summary>An exact copy of a piece already held.</summary>
    Duplicate,
    /// <summary>Overlaps a held piece with different bytes (a known evasion): the datagram is dropped.</summary>
    Overlap,
    /// <summary>A non-final piece whose length is not a multiple of 8 (RFC 791), or pieces that disagree on the end.</summary>
    BadLength,
    /// <summary>Would end past the largest IP datagram.</summary>
    TooLarge,
}

namespace Edge.Flashing.Framing;

/// <summary>Why bytes between two delimiters were not a frame; receivers count these.</summary>
public enum FrameError : byte
{
    None = 0,
    /// <summary>More than <see cref="FrameLayout.MaxEncodedLength"/> bytes without a delimiter.</summary>
    TooLong,
    /// <summary>Not valid COBS.</summary>
    BadEncoding,
    /// <summary>Shorter than the header and CRC.</summary>
    Truncated,
    /// <summary>The length field disagrees with the bytes present or exceeds the maximum payload.</summary>
    BadLength,
    BadCrc,
    UnknownType,
}

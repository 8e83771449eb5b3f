namespace Edge.Service.Capture;

/// <summary>One frame as the capture library hands it over; <see cref="Data"/> is valid until the next read.</summary>
public readonly ref struct CapturedFrame(long timestampMicros, int wireLength, ReadOnlySpan<byte> data)
{
    public long TimestampMicros { get; } = timestampMicros;

    /// <summary>Length on the wire; <see cref="Data"/> may be shorter (snap length).</summary>
    public int WireLength { get; } = wireLength;

    public ReadOnlySpan<byte> Data { get; } = data;
}

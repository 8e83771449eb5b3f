namespace Edge.Flashing.Messages;

/// <summary>Why the sensor wants data again from the Nak's offset. Wire values: never renumber.</summary>
public enum NakReason : byte
{
    /// <summary>A frame arrived damaged (bad CRC, bad length, bad encoding).</summary>
    Corrupt = 1,
    /// <summary>Data past the next expected offset: an earlier frame was lost.</summary>
    OutOfOrder = 2,
    /// <summary>Data past the bundle size announced in Begin.</summary>
    BeyondEnd = 3,
}

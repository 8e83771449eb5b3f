namespace Edge.Flashing.Framing;

/// <summary>
/// A decoded frame body: [type u8][seq u32][payload length u16][payload][CRC-32C u32], integers
/// little-endian, the CRC over everything before it. On the wire the body is COBS-encoded and
/// ends with 0x00; senders also put a 0x00 before it so line noise never joins the frame.
/// </summary>
public static class FrameLayout
{
    public const int HeaderLength = 7;
    public const int CrcLength = 4;
    public const int Overhead = HeaderLength + CrcLength;

    /// <summary>The protocol's largest payload; a peer may announce a smaller one in Hello.</summary>
    public const int MaxPayload = 4096;

    public const int MaxBodyLength = Overhead + MaxPayload;

    /// <summary>COBS-encoded body at the largest payload, without delimiters.</summary>
    public static readonly int MaxEncodedLength = Cobs.MaxEncodedLength(MaxBodyLength);

    /// <summary>Body plus both delimiters, what <see cref="FrameWriter"/> needs at most.</summary>
    public static readonly int MaxWireLength = MaxEncodedLength + 2;

    public const byte Delimiter = 0;
}

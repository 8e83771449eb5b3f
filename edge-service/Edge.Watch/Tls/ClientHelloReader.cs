using Edge.Watch.Decoding;

namespace Edge.Watch.Tls;

public static class ClientHelloReader
{
    /// <summary>Largest handshake message accepted, header included; also the scratch size needed.</summary>
    public const int MaxHandshakeLength = 16384 + 2048;

    /// <summary>A handshake record (0x16) with legacy_record_version 3.0 to 3.4 (RFC 8446 §5.1).</summary>
    public static bool LooksLikeHandshake(ReadOnlySpan<byte> firstBytes) =>
        firstBytes.Length >= 3 && firstBytes[0] == TlsRecordHeader.HandshakeType && firstBytes[1] == 0x03 && firstBytes[2] <= 0x04;

    /// <summary>True when fewer than 3 bytes are there and they could still start a handshake record.</summary>
    public static bool CouldBeHandshakePrefix(ReadOnlySpan<byte> firstBytes) =>
        firstBytes.Length is > 0 and < 3 && firstBytes[0] == TlsRecordHeader.HandshakeType
        && (firstBytes.Length == 1 || firstBytes[1] == 0x03);

    /// <summary>Parses the ClientHello at the start of a client's TCP stream. <see cref="ParseStatus.NeedMore"/>
    /// while it is incomplete; a hello spread over several records is stitched into
    /// <paramref name="scratch"/> (at least <see cref="MaxHandshakeLength"/> bytes), so the spans of
    /// <paramref name="hello"/> point into <paramref name="stream"/> or <paramref name="scratch"/>.</summary>
    public static ParseStatus TryParse(ReadOnlySpan<byte> stream, Span<byte> scratch, out ClientHello hello, out TlsError error)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scratch.Length, MaxHandshakeLength, nameof(scratch));
        hello = default;
        var status = HandshakeAssembler.TryAssemble(stream, scratch, out var recordVersion, out var message, out error);
        if (status != ParseStatus.Done)
            return status;
        return ClientHelloBodyParser.TryParse(recordVersion, message[HandshakeAssembler.HeaderLength..], out hello, out error);
    }
}

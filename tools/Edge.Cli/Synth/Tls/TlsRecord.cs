using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Tls;

/// <summary>TLS record layer framing (RFC 8446 §5.1) and the handshake message header (§4).</summary>
internal static class TlsRecord
{
    public const int ChangeCipherSpec = 20;
    public const int Handshake = 22;
    public const int ApplicationData = 23;

    public static void Write(PacketWriter writer, int contentType, int legacyVersion, ReadOnlySpan<byte> fragment) =>
        writer.U8(contentType).U16(legacyVersion).U16(fragment.Length).Bytes(fragment);

    public static byte[] HandshakeMessage(int type, ReadOnlySpan<byte> body) =>
        new PacketWriter(body.Length + 4).U8(type).U24(body.Length).Bytes(body).ToArray();

    /// <summary>Ciphertext stand-in: a record whose content nobody can (or needs to) read.</summary>
    public static void WriteOpaque(PacketWriter writer, int contentType, int length, SynthRandom random) =>
        Write(writer, contentType, 0x0303, random.NextBytes(length));

    public static void WriteChangeCipherSpec(PacketWriter writer) => Write(writer, ChangeCipherSpec, 0x0303, [1]);
}

using System.Buffers.Binary;
using Edge.Watch.Decoding;

namespace Edge.Watch.Tls;

/// <summary>The ClientHello body once the whole handshake message is in hand (RFC 8446 §4.1.2).
/// Anything running past the message is malformed, never "need more".</summary>
internal static class ClientHelloBodyParser
{
    private const int RandomLength = 32;
    private const int MaxSessionIdLength = 32;

    public static ParseStatus TryParse(ushort recordVersion, ReadOnlySpan<byte> body, out ClientHello hello, out TlsError error)
    {
        hello = default;
        if (body.Length < 2 + RandomLength)
            return Fail(TlsError.Truncated, out error);
        var handshakeVersion = BinaryPrimitives.ReadUInt16BigEndian(body);
        var random = body.Slice(2, RandomLength);
        var pos = 2 + RandomLength;

        // legacy_session_id<0..32>
        if (pos >= body.Length || body[pos] > MaxSessionIdLength || body[pos] > body.Length - pos - 1)
            return Fail(TlsError.BadSessionId, out error);
        var sessionId = body.Slice(pos + 1, body[pos]);
        pos += 1 + sessionId.Length;

        // cipher_suites<2..2^16-2>
        if (body.Length - pos < 2)
            return Fail(TlsError.BadCipherSuites, out error);
        int cipherLength = BinaryPrimitives.ReadUInt16BigEndian(body[pos..]);
        if (cipherLength < 2 || (cipherLength & 1) != 0 || cipherLength > body.Length - pos - 2)
            return Fail(TlsError.BadCipherSuites, out error);
        var cipherSuites = body.Slice(pos + 2, cipherLength);
        pos += 2 + cipherLength;

        // legacy_compression_methods<1..2^8-1>
        if (pos >= body.Length || body[pos] == 0 || body[pos] > body.Length - pos - 1)
            return Fail(TlsError.BadCompression, out error);
        var compression = body.Slice(pos + 1, body[pos]);
        pos += 1 + compression.Length;

        // RFC 5246 §7.4.1.2: a hello without extensions simply ends here.
        var extensions = ReadOnlySpan<byte>.Empty;
        if (pos < body.Length)
        {
            if (body.Length - pos < 2 || BinaryPrimitives.ReadUInt16BigEndian(body[pos..]) != body.Length - pos - 2)
                return Fail(TlsError.BadExtensions, out error);
            extensions = body[(pos + 2)..];
        }

        var known = new KnownExtensions();
        if (!known.TryRead(extensions, out error))
            return ParseStatus.Malformed;

        hello = new ClientHello
        {
            RecordVersion = recordVersion,
            HandshakeVersion = handshakeVersion,
            Random = random,
            SessionId = sessionId,
            CipherSuites = cipherSuites,
            CompressionMethods = compression,
            Extensions = extensions,
            HasServerName = known.HasServerName,
            HasAlpn = known.HasAlpn,
            HasSupportedVersions = known.HasSupportedVersions,
            HostName = known.HostName,
            AlpnNames = known.AlpnNames,
            SupportedVersionList = known.SupportedVersions,
        };
        return ParseStatus.Done;
    }

    private static ParseStatus Fail(TlsError reason, out TlsError error)
    {
        error = reason;
        return ParseStatus.Malformed;
    }
}

using System.Security.Cryptography;

namespace Edge.Uplink.Commands.Signing;

/// <summary>Ed25519 keys as text: the raw 32 bytes in base64, or PEM (<c>PUBLIC KEY</c>,
/// SubjectPublicKeyInfo; <c>PRIVATE KEY</c>, PKCS #8) as OpenSSL writes them (RFC 8410 §4, §7).</summary>
public static class Ed25519KeyText
{
    // RFC 8410: SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (32 bytes) }.
    private static ReadOnlySpan<byte> SpkiPrefix => [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

    // RFC 8410: SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING (32 bytes) } }.
    private static ReadOnlySpan<byte> Pkcs8Prefix => [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

    public static bool TryParsePublicKey(string text, out byte[] publicKey) =>
        TryParse(text, "PUBLIC KEY", SpkiPrefix, out publicKey);

    public static bool TryParsePrivateKey(string text, out byte[] privateKey) =>
        TryParse(text, "PRIVATE KEY", Pkcs8Prefix, out privateKey);

    public static string FormatPublicKeyPem(ReadOnlySpan<byte> publicKey) =>
        new(PemEncoding.Write("PUBLIC KEY", [.. SpkiPrefix, .. publicKey]));

    public static string FormatPrivateKeyPem(ReadOnlySpan<byte> privateKey) =>
        new(PemEncoding.Write("PRIVATE KEY", [.. Pkcs8Prefix, .. privateKey]));

    private static bool TryParse(string text, string label, ReadOnlySpan<byte> derPrefix, out byte[] key)
    {
        key = [];
        var trimmed = text.Trim();
        byte[] der;
        if (trimmed.StartsWith("-----", StringComparison.Ordinal))
        {
            if (!PemEncoding.TryFind(trimmed, out var fields) || trimmed[fields.Label] != label)
                return false;
            der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(trimmed[fields.Base64Data], der, out var written) || written != der.Length)
                return false;
            if (der.Length != derPrefix.Length + 32 || !der.AsSpan(0, derPrefix.Length).SequenceEqual(derPrefix))
                return false;
            key = der[derPrefix.Length..];
            return true;
        }
        Span<byte> raw = stackalloc byte[48];
        if (!Convert.TryFromBase64String(trimmed, raw, out var length) || length != 32)
            return false;
        key = raw[..32].ToArray();
        return true;
    }
}

using System.Text;

namespace Edge.Service.StatusPage;

/// <summary>Reads an <c>Authorization: Basic</c> header (RFC 7617): base64 of <c>user:password</c> in
/// UTF-8, the password being everything after the first colon.</summary>
internal static class BasicCredentials
{
    private const int MaxEncodedLength = 1024;

    public static bool TryParse(string? header, out string user, out string password)
    {
        user = password = "";
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        var encoded = header.AsSpan(6).Trim();
        if (encoded.Length > MaxEncodedLength)
            return false;
        Span<byte> decoded = stackalloc byte[MaxEncodedLength];
        if (!Convert.TryFromBase64Chars(encoded, decoded, out var length))
            return false;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(decoded[..length]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return false;
        user = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }
}

namespace Edge.Watch.Http;

/// <summary>RFC 9112 §3: request-line = method SP request-target SP HTTP-version.</summary>
internal static class RequestLine
{
    public static bool TryParse(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> method, out ReadOnlySpan<byte> uri, out ReadOnlySpan<byte> version, out HttpError error)
    {
        method = uri = version = default;
        var firstSpace = line.IndexOf((byte)' ');
        if (firstSpace < 0)
            return Fail(HttpError.BadRequestLine, out error);
        method = line[..firstSpace];
        if (!HttpSyntax.IsToken(method))
            return Fail(HttpError.BadMethod, out error);
        var rest = line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf((byte)' ');
        if (secondSpace <= 0)
            return Fail(HttpError.BadRequestLine, out error);
        uri = rest[..secondSpace];
        foreach (var c in uri)
        {
            // request-target has no whitespace or control bytes (RFC 9112 §3.2).
            if (c <= 0x20 || c == 0x7F)
                return Fail(HttpError.BadRequestLine, out error);
        }
        version = rest[(secondSpace + 1)..];
        // RFC 9112 §2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT.
        if (version.Length != 8 || !version.StartsWith("HTTP/"u8) || !char.IsAsciiDigit((char)version[5])
            || version[6] != '.' || !char.IsAsciiDigit((char)version[7]))
            return Fail(HttpError.BadVersion, out error);
        error = HttpError.None;
        return true;
    }

    private static bool Fail(HttpError reason, out HttpError error)
    {
        error = reason;
        return false;
    }
}

using System.Text;

namespace Edge.Watch.Http;

/// <summary>Field lines of a request head (RFC 9112 §5): counts them and keeps the first Host and
/// User-Agent, trimmed of OWS.</summary>
internal ref struct RequestFields
{
    public RequestFields()
    {
    }

    public ReadOnlySpan<byte> Host;
    public ReadOnlySpan<byte> UserAgent;
    /// <summary>-1 when absent.</summary>
    public long ContentLength = -1;
    public bool Chunked;
    public int Count;
    private bool _hasHost;
    private bool _hasUserAgent;

    public bool TryAdd(ReadOnlySpan<byte> line, out HttpError error)
    {
        if (Count == HttpRequestHeadReader.MaxHeaders)
        {
            error = HttpError.TooManyHeaders;
            return false;
        }
        // RFC 9112 §5.1: no whitespace between field name and colon; §5.2: obs-fold (a line starting
        // with SP or HTAB) is rejected here, as a server may do.
        var colon = line.IndexOf((byte)':');
        if (colon <= 0 || !HttpSyntax.IsToken(line[..colon]))
        {
            error = HttpError.BadHeaderLine;
            return false;
        }
        var name = line[..colon];
        var value = HttpSyntax.TrimOws(line[(colon + 1)..]);
        if (!HttpSyntax.IsFieldValue(value))
        {
            error = HttpError.BadHeaderLine;
            return false;
        }
        Count++;
        if (!_hasHost && Ascii.EqualsIgnoreCase(name, "host"u8))
        {
            _hasHost = true;
            Host = value;
        }
        else if (!_hasUserAgent && Ascii.EqualsIgnoreCase(name, "user-agent"u8))
        {
            _hasUserAgent = true;
            UserAgent = value;
        }
        else if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
        {
            // RFC 9110 §8.6: 1*DIGIT; RFC 9112 §6.3: differing values make the framing unknowable.
            if (!TryParseLength(value, out var length) || (ContentLength >= 0 && ContentLength != length))
            {
                error = HttpError.BadContentLength;
                return false;
            }
            ContentLength = length;
        }
        else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
        {
            // RFC 9112 §6.3: with any Transfer-Encoding the body's length is not Content-Length's;
            // it ends with the last chunk, or the request is invalid. Either way it is unknown here.
            Chunked = true;
        }
        error = HttpError.None;
        return true;
    }

    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.IsEmpty || value.Length > 18)
            return false;
        foreach (var c in value)
        {
            if (c is < (byte)'0' or > (byte)'9')
                return false;
            length = (length * 10) + (c - '0');
        }
        return true;
    }
}

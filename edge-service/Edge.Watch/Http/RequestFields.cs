using System.Text;

namespace Edge.Watch.Http;

/// <summary>Field lines of a request head (RFC 9112 §5): counts them and keeps the first Host and
/// User-Agent, trimmed of OWS.</summary>
internal ref struct RequestFields
{
    public ReadOnlySpan<byte> Host;
    public ReadOnlySpan<byte> UserAgent;
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
        error = HttpError.None;
        return true;
    }
}

namespace Edge.Watch.Http;

/// <summary>An HTTP/1.x request head (RFC 9112 §3, §5); spans point into the caller's data.
/// Host and UserAgent are empty when the header is absent.</summary>
public readonly ref struct HttpRequestHead
{
    public ReadOnlySpan<byte> Method { get; internal init; }

    public ReadOnlySpan<byte> Uri { get; internal init; }

    public ReadOnlySpan<byte> Version { get; internal init; }

    public ReadOnlySpan<byte> Host { get; internal init; }

    public ReadOnlySpan<byte> UserAgent { get; internal init; }

    public int HeaderCount { get; internal init; }

    /// <summary>The Content-Length, or -1 when the request has none.</summary>
    public long ContentLength { get; internal init; }

    /// <summary>A Transfer-Encoding was sent: the body's length is only known by parsing its chunks.</summary>
    public bool IsChunked { get; internal init; }

    /// <summary>Bytes of body that follow the head (RFC 9112 §6.3), or -1 when only chunk parsing could tell.</summary>
    public long BodyLength => IsChunked ? -1 : Math.Max(ContentLength, 0);
}

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
}

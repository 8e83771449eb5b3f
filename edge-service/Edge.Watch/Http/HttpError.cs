namespace Edge.Watch.Http;

/// <summary>Why an HTTP request head was rejected; counted against <c>DecodeLayer.Http</c>.</summary>
public enum HttpError : byte
{
    None = 0,
    HeadTooLong,
    BadRequestLine,
    BadMethod,
    BadVersion,
    BadHeaderLine,
    TooManyHeaders,
    BadContentLength,
}

namespace Edge.Service.StatusPage.Http;

/// <summary>What the page needs of a request head: the method, the path (the request target less
/// its query), whether the connection stays open afterwards, whether a body follows (never read),
/// and the Authorization headers.</summary>
internal sealed record HttpRequestHead(string Method, string Path, bool KeepAlive, bool HasBody, IReadOnlyList<string> Authorization)
{
    public bool IsHead => Method == "HEAD";
}

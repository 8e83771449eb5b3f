namespace Edge.Watch.Flows;

/// <summary>What the application-layer inspector does with a direction of a TCP flow.</summary>
public enum StreamMode : byte
{
    /// <summary>Nothing seen yet: the first payload decides.</summary>
    Undecided,
    /// <summary>A stream of length-prefixed DNS messages (RFC 7766).</summary>
    Dns,
    /// <summary>Collecting a TLS ClientHello.</summary>
    TlsHello,
    /// <summary>Collecting an HTTP/1.x request head; more heads may follow on the connection.</summary>
    Http,
    /// <summary>Nothing more to extract from this direction.</summary>
    Done,
}

namespace Edge.Watch.Decoding;

/// <summary>Outcome of an application-layer parser. <see cref="NeedMore"/> and
/// <see cref="Malformed"/> are never confused: the first waits for the next segment,
/// the second is counted with a reason and the bytes are given up.</summary>
public enum ParseStatus : byte
{
    Done,
    NeedMore,
    NotThisProtocol,
    Malformed,
}

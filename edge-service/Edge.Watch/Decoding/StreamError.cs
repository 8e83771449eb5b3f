namespace Edge.Watch.Decoding;

/// <summary>Why TCP stream reassembly gave up on a direction of a flow.</summary>
public enum StreamError : byte
{
    None,
    Gap,
    Overflow,
    Reclaimed,
}

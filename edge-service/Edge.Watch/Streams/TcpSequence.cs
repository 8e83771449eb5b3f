namespace Edge.Watch.Streams;

/// <summary>Sequence arithmetic modulo 2^32 (RFC 9293 §3.4).</summary>
internal static class TcpSequence
{
    public static bool LessThan(uint a, uint b) => (int)(a - b) < 0;
}

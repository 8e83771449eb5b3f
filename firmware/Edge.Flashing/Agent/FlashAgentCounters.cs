namespace Edge.Flashing.Agent;

/// <summary>What the agent has seen since it started; read from any thread.</summary>
public sealed class FlashAgentCounters
{
    private long _sessions;
    private long _malformedFrames;
    private long _naks;
    private long _bytesWritten;

    public long Sessions => Interlocked.Read(ref _sessions);
    public long MalformedFrames => Interlocked.Read(ref _malformedFrames);
    public long Naks => Interlocked.Read(ref _naks);
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    internal void Session() => Interlocked.Increment(ref _sessions);
    internal void Malformed() => Interlocked.Increment(ref _malformedFrames);
    internal void Nak() => Interlocked.Increment(ref _naks);
    internal void Written(int bytes) => Interlocked.Add(ref _bytesWritten, bytes);
}

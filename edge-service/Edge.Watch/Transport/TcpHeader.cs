namespace Edge.Watch.Transport;

public struct TcpHeader
{
    public ushort SourcePort;
    public ushort DestinationPort;
    public uint Sequence;
    public uint Acknowledgment;
    public TcpFlags Flags;
    public ushort Window;
    public int HeaderLength;
    /// <summary>0 when the segment carries no MSS option.</summary>
    public ushort MaxSegmentSize;
    /// <summary>-1 when the segment carries no window scale option.</summary>
    public sbyte WindowScale;
    public bool SackPermitted;
    public bool HasTimestamps;
}

using Edge.Watch.Net;
using Edge.Watch.Transport;

namespace Edge.Watch.Flows;

/// <summary>One bidirectional flow. Client is the side that opened it (sent the SYN, or the first packet).
/// Kept as a struct in the flow table's array; 232 bytes.</summary>
public struct Flow
{
    public ulong Id;
    public IpAddr Client;
    public IpAddr Server;
    public ushort ClientPort;
    public ushort ServerPort;
    public byte Protocol;
    public TcpState State;
    public AppProtocol App;
    internal TimeoutClass TimeoutClass;
    public TcpFlags FlagsToServer;
    public TcpFlags FlagsToClient;
    public long FirstSeenMicros;
    public long LastSeenMicros;
    public long PacketsToServer;
    public long PacketsToClient;
    public long BytesToServer;
    public long BytesToClient;
    public StreamState ToServer;
    public StreamState ToClient;
    internal uint Hash;
    internal int HashNext;
    internal int Previous;
    internal int Next;

    public readonly long Packets => PacketsToServer + PacketsToClient;

    public readonly long Bytes => BytesToServer + BytesToClient;
}

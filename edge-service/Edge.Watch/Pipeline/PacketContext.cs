using Edge.Watch.Net;

namespace Edge.Watch.Pipeline;

/// <summary>Where and when an application-layer message was seen: the packet that completed it.</summary>
public readonly record struct PacketContext(
    long TimestampMicros,
    IpAddr Source,
    ushort SourcePort,
    IpAddr Destination,
    ushort DestinationPort,
    byte Protocol,
    ulong FlowId,
    bool ToServer);

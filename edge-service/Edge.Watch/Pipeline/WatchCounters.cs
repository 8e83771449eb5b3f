namespace Edge.Watch.Pipeline;

/// <summary>Running totals of the engine (single writer: the capture thread).</summary>
public sealed class WatchCounters
{
    public long Packets { get; internal set; }
    public long Bytes { get; internal set; }
    public long NotIp { get; internal set; }
    public long Ipv4 { get; internal set; }
    public long Ipv6 { get; internal set; }
    public long Tcp { get; internal set; }
    public long Udp { get; internal set; }
    public long Icmp { get; internal set; }
    public long OtherIp { get; internal set; }
    public long Fragments { get; internal set; }
    public long Reassembled { get; internal set; }
    public long IpOptions { get; internal set; }
    public long DnsMessages { get; internal set; }
    public long DnsQueries { get; internal set; }
    public long DnsResponses { get; internal set; }
    public long TlsClientHellos { get; internal set; }
    public long HttpRequests { get; internal set; }
    public long FirstTimestampMicros { get; internal set; }
    public long LastTimestampMicros { get; internal set; }
}

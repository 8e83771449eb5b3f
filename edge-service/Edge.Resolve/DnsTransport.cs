namespace Edge.Resolve;

/// <summary>How a client's query arrived: over UDP an answer must fit the client's limit (512, or
/// its EDNS0 size) and is truncated otherwise; over TCP it may be up to 65,535 bytes.</summary>
public enum DnsTransport
{
    Udp,
    Tcp,
}

namespace Edge.Watch.Decoding;

/// <summary>The layer a decode error is counted against; each layer has its own reason enum.</summary>
public enum DecodeLayer : byte
{
    Link,
    Ipv4,
    Ipv6,
    Tcp,
    Udp,
    Icmp,
    Dns,
    Tls,
    Http,
    Stream,
}

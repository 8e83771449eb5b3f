namespace Edge.Resolve.Wire;

/// <summary>How big an answer a client may get: over UDP 512 octets without EDNS (RFC 1035 §4.2.1),
/// else the smaller of its EDNS size and the configured maximum, never below 512 (RFC 6891 §6.2.5);
/// over TCP a whole message. Keeping unverified UDP clients to this is what stops amplification.</summary>
public static class ClientLimit
{
    public static int Of(in DnsQuery query, DnsTransport transport, int maxUdpResponse)
    {
        if (transport == DnsTransport.Tcp)
            return DnsFlags.MaxMessage;
        if (!query.HasEdns)
            return DnsFlags.ClassicUdpLimit;
        return Math.Max(DnsFlags.ClassicUdpLimit, Math.Min(query.EdnsUdpSize, maxUdpResponse));
    }
}

using Edge.Watch.Net;

namespace Edge.Resolve.Upstream;

/// <summary>One upstream's health as the pool sees it; changed under the pool's lock.</summary>
internal sealed class UpstreamState(UpstreamServer server, int index)
{
    public UpstreamServer Server { get; } = server;

    public int Index { get; } = index;

    public IpAddr Address { get; } = SocketAddresses.ToIpAddr(server.Endpoint.Address);

    public string Name { get; } = server.ToString();

    public System.Net.SocketAddress SocketAddress { get; } = server.Endpoint.Serialize();

    public TlsUpstreamChannel? Tls { get; set; }

    public bool Healthy { get; set; } = true;

    public int ConsecutiveFailures { get; set; }

    public long Answers { get; set; }

    public long Failures { get; set; }

    public long LastRoundTripTicks { get; set; }

    public long NextProbe { get; set; }

    public long ProbeBackoffTicks { get; set; }

    public bool Probing { get; set; }
}

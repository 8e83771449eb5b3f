using System.Net;
using Edge.Resolve.Policy;
using Edge.Resolve.Upstream;

namespace Edge.Service.Configuration;

/// <summary>The <c>Edge:Dns</c> section: the sensor as the LAN's DNS forwarder with a sinkhole. Off
/// unless <c>Enabled</c>; the LAN's DHCP then hands out the sensor's address as its DNS server.</summary>
public sealed class DnsSettings
{
    public bool Enabled { get; set; }

    /// <summary>Where clients ask, as <c>address:port</c> (UDP and TCP on each); <c>[::]:53</c> for IPv6.
    /// Empty: <see cref="DefaultListen"/>. (Defaults of lists live apart: the configuration binder adds
    /// configured items to a list's initial ones instead of replacing them.)</summary>
    public IReadOnlyList<string> Listen { get; set; } = [];

    public static IReadOnlyList<string> DefaultListen { get; } = ["0.0.0.0:53"];

    public IReadOnlyList<string> ListenOn => Listen.Count > 0 ? Listen : DefaultListen;

    /// <summary>Resolvers asked in this order: <c>10.0.0.1</c>, <c>10.0.0.1:5353</c>, <c>[fd00::1]:53</c>,
    /// <c>tls://10.0.0.1:853#dns.example</c> (DNS over TLS, the name the certificate must carry).</summary>
    public IReadOnlyList<string> Upstreams { get; set; } = [];

    /// <summary>A PEM file of the CA that signs a DNS-over-TLS upstream's certificate (else the system's).</summary>
    public string UpstreamCaFile { get; set; } = "";

    /// <summary>How long one upstream gets before the next is tried.</summary>
    public int UpstreamTimeoutMs { get; set; } = 1000;

    /// <summary>How long a client waits at most: then SERVFAIL.</summary>
    public int AnswerDeadlineMs { get; set; } = 3000;

    /// <summary>What a name on a blocking list gets (RPZ lists say their own action).</summary>
    public BlockAnswer BlockAnswer { get; set; } = BlockAnswer.NxDomain;

    /// <summary>The block page's IPv4 address, for <c>BlockAnswer = BlockPage</c>.</summary>
    public string BlockPageV4 { get; set; } = "";

    /// <summary>The block page's IPv6 address; AAAA queries get NODATA without one.</summary>
    public string BlockPageV6 { get; set; } = "";

    /// <summary>The TTL of block answers (and of their SOA, so clients cache the refusal).</summary>
    public int BlockTtlSeconds { get; set; } = 300;

    /// <summary>Which intel categories are blocked; names on other lists are answered and only alerted
    /// on. Empty: <see cref="DefaultBlockCategories"/>.</summary>
    public IReadOnlyList<string> BlockCategories { get; set; } = [];

    public static IReadOnlyList<string> DefaultBlockCategories { get; } = ["phishing", "cnc", "botnet", "mining", "malware"];

    public IReadOnlyList<string> BlockedCategories => BlockCategories.Count > 0 ? BlockCategories : DefaultBlockCategories;

    /// <summary>Lists of names never blocked (the allowlist wins over every block list).</summary>
    public IReadOnlyList<string> AllowLists { get; set; } = [];

    /// <summary>Per-client exceptions: these clients may resolve these names (all names when none are given).</summary>
    public IReadOnlyList<DnsClientException> Exceptions { get; set; } = [];

    /// <summary>The cache's bound; it grows on demand up to this.</summary>
    public int CacheMiB { get; set; } = 32;

    /// <summary>The largest UDP answer sent to a client whatever its EDNS0 size says (no amplification).</summary>
    public int MaxUdpResponse { get; set; } = 1232;

    public int MaxTcpConnections { get; set; } = 256;

    public void Validate()
    {
        if (!Enabled)
            return;
        for (var i = 0; i < Listen.Count; i++)
        {
            if (!IPEndPoint.TryParse(Listen[i], out var endpoint) || endpoint.Port == 0)
                throw new ArgumentException($"'{Listen[i]}' is not an address:port", $"{nameof(Listen)}:{i}");
        }
        if (Upstreams.Count == 0)
            throw new ArgumentException("at least one resolver to forward to", nameof(Upstreams));
        for (var i = 0; i < Upstreams.Count; i++)
        {
            if (!UpstreamServer.TryParse(Upstreams[i], out _, out var error))
                throw new ArgumentException(error ?? $"'{Upstreams[i]}' is not an upstream", $"{nameof(Upstreams)}:{i}");
        }
        if (UpstreamCaFile.Length > 0 && !File.Exists(UpstreamCaFile))
            throw new ArgumentException($"no such file: {UpstreamCaFile}", nameof(UpstreamCaFile));
        Range(UpstreamTimeoutMs, 50, 30_000, nameof(UpstreamTimeoutMs));
        Range(AnswerDeadlineMs, UpstreamTimeoutMs, 60_000, nameof(AnswerDeadlineMs));
        if (!Enum.IsDefined(BlockAnswer))
            throw new ArgumentException("must be NxDomain, NoData or BlockPage", nameof(BlockAnswer));
        Address(BlockPageV4, System.Net.Sockets.AddressFamily.InterNetwork, nameof(BlockPageV4));
        Address(BlockPageV6, System.Net.Sockets.AddressFamily.InterNetworkV6, nameof(BlockPageV6));
        if (BlockAnswer == BlockAnswer.BlockPage && BlockPageV4.Length == 0 && BlockPageV6.Length == 0)
            throw new ArgumentException("BlockPage needs BlockPageV4 or BlockPageV6", nameof(BlockAnswer));
        Range(BlockTtlSeconds, 0, 86_400, nameof(BlockTtlSeconds));
        for (var i = 0; i < AllowLists.Count; i++)
        {
            if (!File.Exists(AllowLists[i]) && !Directory.Exists(AllowLists[i]))
                throw new ArgumentException($"no such file or folder: {AllowLists[i]}", $"{nameof(AllowLists)}:{i}");
        }
        for (var i = 0; i < Exceptions.Count; i++)
            Exceptions[i].Validate($"{nameof(Exceptions)}:{i}");
        Range(CacheMiB, 1, 4096, nameof(CacheMiB));
        Range(MaxUdpResponse, 512, 4096, nameof(MaxUdpResponse));
        Range(MaxTcpConnections, 1, 65_536, nameof(MaxTcpConnections));
    }

    private static void Range(int value, int min, int max, string key)
    {
        if (value < min || value > max)
            throw new ArgumentException($"{value} must be between {min} and {max}", key);
    }

    private static void Address(string text, System.Net.Sockets.AddressFamily family, string key)
    {
        if (text.Length > 0 && (!IPAddress.TryParse(text, out var address) || address.AddressFamily != family))
            throw new ArgumentException($"'{text}' is not an {(family == System.Net.Sockets.AddressFamily.InterNetwork ? "IPv4" : "IPv6")} address", key);
    }
}

/// <summary>One per-client exception: clients (addresses or CIDRs) and the names they may resolve.</summary>
public sealed class DnsClientException
{
    public IReadOnlyList<string> Clients { get; set; } = [];

    /// <summary>Names (and their subdomains) these clients may resolve; empty: every name.</summary>
    public IReadOnlyList<string> Names { get; set; } = [];

    public void Validate(string key)
    {
        if (Clients.Count == 0)
            throw new ArgumentException("at least one client address or CIDR", $"{key}:{nameof(Clients)}");
        for (var i = 0; i < Clients.Count; i++)
        {
            if (!IPNetwork.TryParse(Clients[i], out _) && !IPAddress.TryParse(Clients[i], out _))
                throw new ArgumentException($"'{Clients[i]}' is not an address or CIDR", $"{key}:{nameof(Clients)}:{i}");
        }
        for (var i = 0; i < Names.Count; i++)
        {
            var name = Names[i].TrimEnd('.');
            if (name.Length is 0 or > 253 || name.Contains(' ', StringComparison.Ordinal))
                throw new ArgumentException($"'{Names[i]}' is not a domain name", $"{key}:{nameof(Names)}:{i}");
        }
    }
}

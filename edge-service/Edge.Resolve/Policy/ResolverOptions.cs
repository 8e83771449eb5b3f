using System.Net;
using Edge.Detect.Intel;

namespace Edge.Resolve.Policy;

/// <summary>The forwarder's decisions, settable from configuration (<c>Edge:Dns</c>).</summary>
public sealed class ResolverOptions
{
    public BlockAnswer BlockAnswer { get; set; } = BlockAnswer.NxDomain;

    public IPAddress? BlockPageV4 { get; set; }

    public IPAddress? BlockPageV6 { get; set; }

    /// <summary>TTL of block answers and of their SOA, so clients cache the negative answer as long.</summary>
    public TimeSpan BlockTtl { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Categories of plain lists that block; names on lists of other categories pass.</summary>
    public IList<string> BlockCategories { get; set; } =
        [IntelCategories.Phishing, IntelCategories.Cnc, IntelCategories.Botnet, IntelCategories.Mining, IntelCategories.Malware];

    /// <summary>The cache's byte budget; memory grows to it on demand.</summary>
    public long CacheBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>The most a UDP client gets, whatever its EDNS size says (1232: the DNS flag day 2020 value).</summary>
    public int MaxUdpResponse { get; set; } = 1232;

    public TimeSpan MinTtl { get; set; } = TimeSpan.Zero;

    public TimeSpan MaxTtl { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan MaxNegativeTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an upstream's SERVFAIL is kept (RFC 9520: a few seconds); zero disables.</summary>
    public TimeSpan ServFailTtl { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Hits during its life that make an entry worth refreshing before it expires.</summary>
    public int PrefetchHits { get; set; } = 3;

    public IList<ClientException> ClientExceptions { get; set; } = [];
}

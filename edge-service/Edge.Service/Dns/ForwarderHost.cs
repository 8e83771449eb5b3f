using System.Net;
using Edge.Detect.Intel;
using Edge.Resolve.Policy;
using Edge.Resolve.Resolution;
using Edge.Resolve.Server;
using Edge.Resolve.Upstream;
using Edge.Service.Configuration;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Dns;

/// <summary>The DNS forwarder of <c>edge-service run</c>: the resolver deciding from the live intel
/// (swaps apply to the next query) and the allowlists, the listeners and upstreams of
/// <c>Edge:Dns</c>, and every exchange handed to <see cref="ForwarderTraffic"/>.</summary>
public sealed class ForwarderHost : IAsyncDisposable
{
    private readonly DnsForwarder _forwarder;

    private ForwarderHost(DnsForwarder forwarder, QueryResolver resolver)
    {
        _forwarder = forwarder;
        Resolver = resolver;
    }

    public QueryResolver Resolver { get; }

    public ForwarderCounters Counters => _forwarder.Counters;

    public IReadOnlyList<UpstreamStatus> Upstreams => _forwarder.Upstreams;

    public IReadOnlyList<IPEndPoint> ListeningOn => _forwarder.ListeningOn;

    /// <summary>Starts answering; throws <see cref="ConfigurationException"/> naming the key of a
    /// setting the forwarder refuses (an upstream it cannot read, an allowlist that does not load),
    /// and <see cref="InvalidOperationException"/> when an address cannot be bound.</summary>
    public static ForwarderHost Start(DnsSettings settings, IntelHolder intel, ForwarderTraffic traffic, TimeProvider time, ILoggerFactory logs)
    {
        var allow = AllowSnapshot(settings);
        var resolver = new QueryResolver(ResolverOptions(settings), () => intel.Current, allow is null ? null : () => allow, time);
        var forwarder = DnsForwarder.Start(ForwarderOptions(settings), resolver, new Tap(traffic), time, logs);
        return new ForwarderHost(forwarder, resolver);
    }

    public static ResolverOptions ResolverOptions(DnsSettings settings)
    {
        var options = new ResolverOptions
        {
            BlockAnswer = settings.BlockAnswer,
            BlockPageV4 = settings.BlockPageV4.Length > 0 ? IPAddress.Parse(settings.BlockPageV4) : null,
            BlockPageV6 = settings.BlockPageV6.Length > 0 ? IPAddress.Parse(settings.BlockPageV6) : null,
            BlockTtl = TimeSpan.FromSeconds(settings.BlockTtlSeconds),
            BlockCategories = [.. settings.BlockedCategories],
            CacheBytes = settings.CacheMiB * 1024L * 1024,
            MaxUdpResponse = settings.MaxUdpResponse,
        };
        foreach (var exception in settings.Exceptions)
            options.ClientExceptions.Add(new ClientException { Clients = [.. exception.Clients], Names = [.. exception.Names] });
        return options;
    }

    public static ForwarderOptions ForwarderOptions(DnsSettings settings)
    {
        var upstreams = new List<UpstreamServer>(settings.Upstreams.Count);
        for (var i = 0; i < settings.Upstreams.Count; i++)
        {
            if (!UpstreamServer.TryParse(settings.Upstreams[i], out var upstream, out var error))
                throw new ConfigurationException($"{EdgeConfiguration.Section}:Dns:Upstreams:{i}", error ?? "not an upstream");
            upstreams.Add(upstream! with { TlsCaFile = settings.UpstreamCaFile.Length > 0 ? settings.UpstreamCaFile : null });
        }
        var listen = new List<IPEndPoint>(settings.ListenOn.Count);
        foreach (var text in settings.ListenOn)
            listen.Add(IPEndPoint.Parse(text));
        return new ForwarderOptions
        {
            Listen = listen,
            Upstreams = upstreams,
            UpstreamTimeout = TimeSpan.FromMilliseconds(settings.UpstreamTimeoutMs),
            AnswerDeadline = TimeSpan.FromMilliseconds(settings.AnswerDeadlineMs),
            MaxTcpConnections = settings.MaxTcpConnections,
        };
    }

    /// <summary>Names on the allowlists, whatever category their files say: null without lists.</summary>
    private static IntelSnapshot? AllowSnapshot(DnsSettings settings)
    {
        if (settings.AllowLists.Count == 0)
            return null;
        var (snapshot, report) = IntelLoader.Load(settings.AllowLists, new IntelLoadOptions { DefaultCategory = "benign" });
        if (!report.Complete)
            throw new ConfigurationException($"{EdgeConfiguration.Section}:Dns:AllowLists",
                report.Warnings.Count > 0 ? report.Warnings[0].ToString() : "the allowlists could not be read");
        return snapshot;
    }

    public async ValueTask DisposeAsync() => await _forwarder.DisposeAsync().ConfigureAwait(false);

    /// <summary>Copies each exchange into the ring; the capture thread does the rest.</summary>
    private sealed class Tap(ForwarderTraffic traffic) : IDnsTap
    {
        public void OnExchange(in DnsExchange exchange) => traffic.Record(exchange.TimestampMicros, exchange.Client, exchange.ClientPort,
            exchange.Server, exchange.ServerPort, exchange.Transport, exchange.Query, exchange.Response, exchange.Verdict);
    }
}

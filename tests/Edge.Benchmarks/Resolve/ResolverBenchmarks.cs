using BenchmarkDotNet.Attributes;
using Edge.Detect.Intel;
using Edge.Resolve;
using Edge.Resolve.Policy;
using Edge.Resolve.Resolution;
using Edge.Watch.Net;

namespace Edge.Benchmarks.Resolve;

/// <summary>QueryResolver end to end, without sockets: 100,000 listed names, a warm cache.</summary>
[MemoryDiagnoser]
public class ResolverBenchmarks
{
    private readonly byte[] _response = new byte[65535];
    private readonly IpAddr _client = IpAddr.Parse("10.77.0.10");
    private QueryResolver _resolver = null!;
    private byte[] _cached = [];
    private byte[] _cachedEdns = [];
    private byte[] _blocked = [];
    private byte[] _uncached = [];
    private byte[] _answer = [];
    private byte[] _formErr = [];

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = ResolverBenchSupport.Snapshot();
        _resolver = new QueryResolver(new ResolverOptions(), () => snapshot);
        _cached = ResolverBenchSupport.Query("www.Example.com", id: 1);
        _cachedEdns = ResolverBenchSupport.Query("www.example.com", id: 2, edns: true);
        _blocked = ResolverBenchSupport.Query("www." + ResolverBenchSupport.ListedName(54_321), id: 3);
        _uncached = ResolverBenchSupport.Query("not-cached.example.org", id: 4);
        _answer = ResolverBenchSupport.Answer(_cached);
        _formErr = (byte[])_cached.Clone();
        _formErr[7] = 1;
        if (_resolver.Complete(_cached, _answer, DnsTransport.Udp, _response) == 0)
            throw new InvalidOperationException("the answer was not accepted");
        _resolver.Complete(_cachedEdns, ResolverBenchSupport.Answer(_cachedEdns), DnsTransport.Udp, _response);
        if (_resolver.Decide(_blocked, _client, DnsTransport.Udp, _response, out _) != QueryVerdict.Blocked)
            throw new InvalidOperationException("the listed name is not blocked");
    }

    [Benchmark]
    public int DecideCacheHit()
    {
        _resolver.Decide(_cached, _client, DnsTransport.Udp, _response, out var length);
        return length;
    }

    [Benchmark]
    public int DecideCacheHitEdns()
    {
        _resolver.Decide(_cachedEdns, _client, DnsTransport.Udp, _response, out var length);
        return length;
    }

    [Benchmark]
    public int DecideBlocked()
    {
        _resolver.Decide(_blocked, _client, DnsTransport.Udp, _response, out var length);
        return length;
    }

    [Benchmark]
    public QueryVerdict DecideNeedsUpstream() => _resolver.Decide(_uncached, _client, DnsTransport.Udp, _response, out _);

    [Benchmark]
    public int DecideFormErr()
    {
        _resolver.Decide(_formErr, _client, DnsTransport.Udp, _response, out var length);
        return length;
    }

    /// <summary>An upstream answer refreshing an existing entry, and the client's copy.</summary>
    [Benchmark]
    public int CompleteRefresh() => _resolver.Complete(_cached, _answer, DnsTransport.Udp, _response);
}

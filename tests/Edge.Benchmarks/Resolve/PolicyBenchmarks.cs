using System.Text;
using BenchmarkDotNet.Attributes;
using Edge.Detect.Intel;
using Edge.Resolve.Policy;
using Edge.Watch.Net;

namespace Edge.Benchmarks.Resolve;

/// <summary>Policy decisions against 100,000 listed names, an allowlist and a client exception.</summary>
[MemoryDiagnoser]
public class PolicyBenchmarks
{
    private readonly IpAddr _client = IpAddr.Parse("10.77.0.10");
    private QueryPolicy _policy = null!;
    private byte[] _listed = [];
    private byte[] _unlisted = [];

    [GlobalSetup]
    public void Setup()
    {
        var snapshot = ResolverBenchSupport.Snapshot();
        var allowBuilder = new IntelSnapshotBuilder();
        allowBuilder.AddDomain("intranet.example.gov"u8, new IntelList("allow", IntelCategories.Benign));
        var allow = allowBuilder.Build();
        var options = new ResolverOptions
        {
            ClientExceptions = [new ClientException { Clients = ["10.77.1.0/24"], Names = ["research.example"] }],
        };
        _policy = new QueryPolicy(options, () => snapshot, () => allow);
        _listed = Encoding.ASCII.GetBytes("www." + ResolverBenchSupport.ListedName(54_321));
        _unlisted = "www.cdn.notlisted-example.net"u8.ToArray();
    }

    [Benchmark]
    public PolicyAction PolicyListed() => _policy.Decide(_listed, _client).Action;

    [Benchmark]
    public PolicyAction PolicyUnlisted() => _policy.Decide(_unlisted, _client).Action;
}

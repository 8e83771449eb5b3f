using BenchmarkDotNet.Attributes;
using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Benchmarks.Intel;

/// <summary>Lookups against 3,000,000 synthetic domains and 1,000,000 CIDRs.</summary>
[MemoryDiagnoser]
public class IntelLookupBenchmarks
{
    private static readonly byte[] s_miss = "www.cdn.notlisted-example.net"u8.ToArray();
    private readonly PublicSuffixList _psl = PublicSuffixList.Bundled;
    private IntelSnapshot _snapshot = IntelSnapshot.Empty;
    private byte[] _hit = [];
    private readonly IpAddr _v4 = IpAddr.Parse("10.20.30.40");
    private readonly IpAddr _v6 = IpAddr.Parse("2001:db8:1:2::9");

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edge-intel-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        var domains = Path.Combine(folder, "domains.txt");
        var cidrs = Path.Combine(folder, "ips.txt");
        SyntheticIntel.WriteDomains(domains, 3_000_000);
        SyntheticIntel.WriteCidrs(cidrs, 1_000_000);
        _snapshot = IntelLoader.Load([new IntelSource(domains), new IntelSource(cidrs)]).Snapshot;
        var listed = File.ReadLines(domains).Skip(1_234_567).First().Split('\t')[0];
        _hit = System.Text.Encoding.ASCII.GetBytes("a.b.WWW." + listed + ".");
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public bool DomainHit() => _snapshot.TryMatchDomain(_hit, out _);

    [Benchmark]
    public bool DomainMiss() => _snapshot.TryMatchDomain(s_miss, out _);

    [Benchmark]
    public bool CidrV4() => _snapshot.TryMatchAddress(_v4, out _);

    [Benchmark]
    public bool CidrV6() => _snapshot.TryMatchAddress(_v6, out _);

    [Benchmark]
    public bool RegistrableDomain() => _psl.TryGetRegistrableDomain(s_miss, out _);
}

using BenchmarkDotNet.Attributes;
using Edge.Resolve.Cache;
using Edge.Resolve.Resolution;

namespace Edge.Benchmarks.Resolve;

/// <summary>The answer cache at its byte budget (32 MiB, evicting): lookups of present keys, and
/// stores of new names that each evict one.</summary>
[MemoryDiagnoser]
public class CacheBenchmarks
{
    private const int Recent = 4096;
    private readonly byte[] _response = new byte[65535];
    private readonly ushort[] _ttlOffsets = [0, 0];
    private AnswerCache _cache = null!;
    private byte[][] _keys = [];
    private byte[] _answer = [];
    private byte[][] _newKeys = [];
    private int _next;
    private int _nextNew;

    [GlobalSetup]
    public void Setup()
    {
        var counters = new ResolverCounters();
        _cache = new AnswerCache(new CacheSettings(32L * 1024 * 1024, 0, 86400, 3600, 2, 3), TimeProvider.System, counters);
        var sample = ResolverBenchSupport.Query("www.site-0.example.com");
        _answer = ResolverBenchSupport.Answer(sample)[..^11];
        _answer[11] = 0;
        _ttlOffsets[0] = (ushort)(sample.Length + 6);
        _ttlOffsets[1] = (ushort)(sample.Length + 16 + 6);
        var filled = 0;
        while (counters.CacheEvictions == 0 || filled < 400_000)
            _cache.Store(Key($"www.site-{filled++}.example.com"), _answer, _ttlOffsets, 86400);
        _keys = [.. Enumerable.Range(filled - Recent, Recent).Select(i => Key($"www.site-{i}.example.com"))];
        _newKeys = [.. Enumerable.Range(0, 1 << 20).Select(i => Key($"new-{i}.example.org"))];
        Console.WriteLine($"// cache full: {counters.CacheEntries} entries, {counters.CacheBytes} bytes, {counters.CacheEvictions} evictions");
    }

    private static byte[] Key(string name)
    {
        var query = ResolverBenchSupport.Query(name);
        var key = query[12..];
        return [.. key, 0];
    }

    [Benchmark]
    public bool LookupFullCache()
    {
        var key = _keys[_next++ & (Recent - 1)];
        return _cache.TryServe(key, _response, out _);
    }

    [Benchmark]
    public bool LookupMissFullCache() => _cache.TryServe(_newKeys[0], _response, out _);

    [Benchmark]
    public void StoreEvictingFullCache() => _cache.Store(_newKeys[_nextNew++ & ((1 << 20) - 1)], _answer, _ttlOffsets, 86400);
}

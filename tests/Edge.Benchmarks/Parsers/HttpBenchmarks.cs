using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;
using Edge.Watch.Http;

namespace Edge.Benchmarks.Parsers;

/// <summary>An HTTP GET request head from the corpus.</summary>
[MemoryDiagnoser]
public class HttpBenchmarks
{
    private byte[] _request = null!;

    [GlobalSetup]
    public void Setup() => _request = SampleFrames.Get(FrameKind.HttpGet).Payload;

    [Benchmark]
    public int Parse()
    {
        HttpRequestHeadReader.TryParse(_request, out var head, out var consumed, out _);
        return consumed + head.Host.Length;
    }
}

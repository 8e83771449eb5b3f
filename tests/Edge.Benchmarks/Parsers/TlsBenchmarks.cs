using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;
using Edge.Watch.Decoding;
using Edge.Watch.Tls;

namespace Edge.Benchmarks.Parsers;

/// <summary>A single-segment TLS ClientHello: parse, then the JA3 string, its MD5 and JA4.</summary>
[MemoryDiagnoser]
public class TlsBenchmarks
{
    private readonly byte[] _scratch = new byte[ClientHelloReader.MaxHandshakeLength];
    private readonly byte[] _ja3 = new byte[Ja3.MaxStringLength];
    private readonly byte[] _ja3Hash = new byte[32];
    private readonly byte[] _ja4 = new byte[Ja4.Length];
    private byte[] _record = null!;

    [GlobalSetup]
    public void Setup() => _record = SampleFrames.Get(FrameKind.TlsClientHello).Payload;

    [Benchmark]
    public int ParseOnly()
    {
        ClientHelloReader.TryParse(_record, _scratch, out var hello, out _);
        return hello.CipherSuites.Length;
    }

    [Benchmark]
    public int ParseAndFingerprint()
    {
        if (ClientHelloReader.TryParse(_record, _scratch, out var hello, out _) != ParseStatus.Done)
            return -1;
        Ja3.TryFormat(hello, _ja3, out var ja3Length);
        Ja3.HashHex(_ja3.AsSpan(0, ja3Length), _ja3Hash);
        Ja4.TryFormat(hello, (byte)'t', _ja4, out var ja4Length);
        return ja3Length + ja4Length + _ja3Hash[0];
    }
}

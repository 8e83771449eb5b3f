using BenchmarkDotNet.Attributes;
using Edge.Benchmarks.Corpus;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;

namespace Edge.Benchmarks.Parsers;

/// <summary>A DNS response with answers: validate, walk every record, write each owner name as text.</summary>
[MemoryDiagnoser]
public class DnsBenchmarks
{
    private readonly byte[] _name = new byte[DnsName.MaxPresentationLength];
    private byte[] _message = null!;

    [GlobalSetup]
    public void Setup() => _message = SampleFrames.Get(FrameKind.DnsResponse).Payload;

    [Benchmark]
    public int ParseOnly()
    {
        DnsMessageReader.TryParse(_message, out var dns, out _);
        return dns.AnswerCount;
    }

    [Benchmark]
    public int ParseAndReadNames()
    {
        if (DnsMessageReader.TryParse(_message, out var dns, out _) != ParseStatus.Done)
            return -1;
        DnsName.TryRead(dns.Raw, dns.QuestionNameOffset, _name, out var total);
        foreach (var record in dns.Records)
        {
            DnsName.TryRead(dns.Raw, record.NameOffset, _name, out var written);
            total += written + record.Data.Length;
        }
        return total;
    }
}

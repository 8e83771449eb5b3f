namespace Edge.Benchmarks.Corpus;

/// <summary>The typical frames the benchmarks feed, each taken from a corpus pcap.</summary>
public enum FrameKind
{
    DnsQuery,
    DnsResponse,
    TlsClientHello,
    HttpGet,
    TcpAck,
    TcpData,
}

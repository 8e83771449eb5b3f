using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Edge.Resolve.Server;
using Edge.Resolve.Tests.TestSupport.Net;

namespace Edge.Benchmarks.Resolve;

/// <summary>One UDP query and its answer over loopback through <see cref="DnsForwarder"/> (the
/// cached path: receive, decide, send, tap). MemoryDiagnoser counts the whole process's
/// allocations, the listener thread included: "-" means none per round trip.</summary>
[MemoryDiagnoser]
public class ForwarderRoundTripBenchmarks : IDisposable
{
    private readonly byte[] _query = NetDnsMessages.Query("www.example.com", 7);
    private readonly byte[] _answer = new byte[512];
    private DnsForwarder? _forwarder;
    private Socket? _client;

    [GlobalSetup]
    public void Start()
    {
        _forwarder = DnsForwarder.Start(new ForwarderOptions { Listen = [new IPEndPoint(IPAddress.Loopback, 0)] }, new NetTableResolver(), new NetCountingTap(), TimeProvider.System);
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 2000 };
        _client.Connect(_forwarder.ListeningOn[0]);
    }

    [GlobalCleanup]
    public void Stop()
    {
        _client?.Dispose();
        _client = null;
        _forwarder?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _forwarder = null;
    }

    public void Dispose()
    {
        Stop();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public int UdpRoundTrip()
    {
        _client!.Send(_query);
        return _client.Receive(_answer);
    }
}

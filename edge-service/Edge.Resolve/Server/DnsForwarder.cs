using System.Net;
using System.Net.Sockets;
using Edge.Resolve.Upstream;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Resolve.Server;

/// <summary>The LAN's DNS forwarder: UDP and TCP listeners that ask <see cref="IQueryResolver"/>
/// for every query, the upstream pool for what it cannot answer, a prefetch loop for hot names,
/// and the tap that sees every exchange.</summary>
public sealed class DnsForwarder : IAsyncDisposable
{
    private readonly UpstreamPool _pool;
    private readonly List<UdpDnsListener> _udp;
    private readonly List<DnsTcpListener> _tcp;
    private readonly PrefetchLoop _prefetch;

    private DnsForwarder(ForwarderCounters counters, UpstreamPool pool, List<UdpDnsListener> udp, List<DnsTcpListener> tcp, PrefetchLoop prefetch)
    {
        Counters = counters;
        _pool = pool;
        _udp = udp;
        _tcp = tcp;
        _prefetch = prefetch;
        ListeningOn = [.. udp.Select(listener => listener.LocalEndPoint)];
    }

    public ForwarderCounters Counters { get; }

    public IReadOnlyList<UpstreamStatus> Upstreams => _pool.Status();

    /// <summary>The bound endpoints (UDP and TCP share each), with the ports chosen for port 0.</summary>
    public IReadOnlyList<IPEndPoint> ListeningOn { get; }

    /// <summary>The source ports the upstream UDP sockets use right now.</summary>
    internal IReadOnlyList<int> UpstreamSourcePorts => _pool.UdpSourcePorts();

    internal int TcpConnectionCount => _tcp.Sum(listener => listener.ConnectionCount);

    internal void PrefetchNow() => _prefetch.Tick();

    /// <summary>Binds every listen endpoint (UDP and TCP) and starts serving; throws
    /// <see cref="InvalidOperationException"/> naming the address that cannot be bound.</summary>
    public static DnsForwarder Start(ForwarderOptions options, IQueryResolver resolver, IDnsTap tap, TimeProvider time, ILoggerFactory? logs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
            throw new ArgumentException($"DNS forwarder options: {problem}", nameof(options));
        var log = (logs ?? NullLoggerFactory.Instance).CreateLogger("Edge.Resolve.Forwarder");
        var counters = new ForwarderCounters();
        var recorder = new ExchangeRecorder(tap, time, counters);
        var pool = new UpstreamPool(options, time, counters, log);
        var udp = new List<UdpDnsListener>();
        var tcp = new List<DnsTcpListener>();
        try
        {
            foreach (var endpoint in options.Listen)
            {
                var (udpSocket, tcpSocket) = ListenerSockets.Bind(endpoint, options.UdpReceiveBufferBytes);
                udp.Add(new UdpDnsListener(udpSocket, resolver, pool, recorder, counters, log));
                tcp.Add(new DnsTcpListener(tcpSocket, resolver, pool, recorder, counters, options, time));
            }
        }
        catch
        {
            foreach (var listener in udp)
                listener.Dispose();
            foreach (var listener in tcp)
                listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
            pool.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        foreach (var listener in udp)
            listener.Start();
        foreach (var listener in tcp)
            listener.Start();
        var prefetch = new PrefetchLoop(resolver, pool, counters, options.PrefetchInterval, time);
        var forwarder = new DnsForwarder(counters, pool, udp, tcp, prefetch);
        if (log.IsEnabled(LogLevel.Information))
            ForwarderLog.Listening(log, string.Join(", ", forwarder.ListeningOn), string.Join(", ", options.Upstreams));
        return forwarder;
    }

    public async ValueTask DisposeAsync()
    {
        await _prefetch.DisposeAsync();
        foreach (var listener in _udp)
            listener.Dispose();
        foreach (var listener in _tcp)
            await listener.DisposeAsync();
        await _pool.DisposeAsync();
    }
}

using System.Net;
using System.Net.Sockets;
using Edge.Resolve.Upstream;
using Edge.Watch.Net;
using Microsoft.Extensions.Logging;

namespace Edge.Resolve.Server;

/// <summary>One listening UDP socket and its receive thread: receive, decide, send, with the
/// buffers and the client's socket address reused, so a cached answer allocates nothing.
/// Forwarded queries are answered from this socket when their upstream answer comes in.</summary>
internal sealed class UdpDnsListener : IUpstreamWaiter, IDisposable
{
    private readonly Socket _socket;
    private readonly IQueryResolver _resolver;
    private readonly UpstreamPool _pool;
    private readonly ExchangeRecorder _recorder;
    private readonly ForwarderCounters _counters;
    private readonly ILogger _log;
    private readonly IpAddr _serverAddress;
    private readonly ushort _serverPort;
    private readonly Thread _thread;
    private volatile bool _closed;

    public UdpDnsListener(Socket socket, IQueryResolver resolver, UpstreamPool pool, ExchangeRecorder recorder, ForwarderCounters counters, ILogger log)
    {
        _socket = socket;
        _resolver = resolver;
        _pool = pool;
        _recorder = recorder;
        _counters = counters;
        _log = log;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        _serverAddress = SocketAddresses.ToIpAddr(LocalEndPoint.Address);
        _serverPort = (ushort)LocalEndPoint.Port;
        _thread = new Thread(ReceiveLoop) { IsBackground = true, Name = $"dns udp {LocalEndPoint}" };
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Start() => _thread.Start();

    public void Dispose()
    {
        _closed = true;
        _socket.Dispose();
        _thread.Join(TimeSpan.FromSeconds(2));
    }

    private void ReceiveLoop()
    {
        var query = new byte[ushort.MaxValue + 1];
        var response = new byte[ushort.MaxValue];
        var from = new SocketAddress(_socket.AddressFamily);
        while (!_closed)
        {
            int received;
            try
            {
                received = _socket.ReceiveFrom(query, SocketFlags.None, from);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                if (_closed)
                    return;
                Interlocked.Increment(ref _counters._receiveErrors);
                continue;
            }
            try
            {
                Handle(query.AsSpan(0, received), from, response);
            }
            catch (Exception e) when (!_closed)
            {
                ForwarderLog.Unexpected(_log, "the UDP loop", e);
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> query, SocketAddress from, Span<byte> response)
    {
        Interlocked.Increment(ref _counters._udpQueries);
        var client = SocketAddresses.Address(from);
        var clientPort = SocketAddresses.Port(from);
        var verdict = _resolver.Decide(query, client, DnsTransport.Udp, response, out var length);
        switch (verdict)
        {
            case QueryVerdict.Answered:
            case QueryVerdict.Blocked:
                Interlocked.Increment(ref verdict == QueryVerdict.Answered ? ref _counters._answered : ref _counters._blocked);
                Send(response[..length], from);
                _recorder.Record(client, clientPort, _serverAddress, _serverPort, DnsTransport.Udp, query, response[..length], verdict);
                break;
            case QueryVerdict.NeedsUpstream:
                Forward(query, from, client, clientPort);
                break;
            default:
                Interlocked.Increment(ref _counters._dropped);
                _recorder.Record(client, clientPort, _serverAddress, _serverPort, DnsTransport.Udp, query, default, QueryVerdict.Dropped);
                break;
        }
    }

    private void Forward(ReadOnlySpan<byte> query, SocketAddress from, IpAddr client, ushort clientPort)
    {
        if (_pool.Count == 0)
        {
            // No upstream configured: say so (SERVFAIL) rather than leave the client waiting.
            Interlocked.Increment(ref _counters._servFail);
            var response = ResponseScratch.ForThisThread().AsSpan();
            var length = _resolver.Fail(query, response);
            if (length > 0)
                Send(response[..length], from);
            _recorder.Record(client, clientPort, _serverAddress, _serverPort, DnsTransport.Udp, query, response[..length], QueryVerdict.NeedsUpstream);
            return;
        }
        var pending = _pool.TryRent();
        if (pending is null)
        {
            Interlocked.Increment(ref _counters._upstreamBusy);
            Interlocked.Increment(ref _counters._dropped);
            _recorder.Record(client, clientPort, _serverAddress, _serverPort, DnsTransport.Udp, query, default, QueryVerdict.Dropped);
            return;
        }
        Interlocked.Increment(ref _counters._forwarded);
        pending.SetQuery(query);
        pending.SetClientAddress(from);
        pending.Client = client;
        pending.ClientPort = clientPort;
        pending.Transport = DnsTransport.Udp;
        pending.Waiter = this;
        _pool.Submit(pending);
    }

    public void OnAnswer(PendingQuery query, ReadOnlySpan<byte> answer)
    {
        var response = ResponseScratch.ForThisThread();
        var length = _resolver.Complete(query.Query, answer, DnsTransport.Udp, response);
        if (length == 0)
        {
            OnFailed(query);
            return;
        }
        Reply(query, response.AsSpan(0, length));
    }

    public void OnFailed(PendingQuery query)
    {
        Interlocked.Increment(ref _counters._servFail);
        var response = ResponseScratch.ForThisThread();
        Reply(query, response.AsSpan(0, _resolver.Fail(query.Query, response)));
    }

    private void Reply(PendingQuery query, ReadOnlySpan<byte> response)
    {
        if (response.Length > 0)
            Send(response, query.ClientAddress!);
        _recorder.Record(query.Client, query.ClientPort, _serverAddress, _serverPort, DnsTransport.Udp, query.Query, response, QueryVerdict.NeedsUpstream);
    }

    private void Send(ReadOnlySpan<byte> response, SocketAddress to)
    {
        try
        {
            _socket.SendTo(response, SocketFlags.None, to);
        }
        catch (SocketException)
        {
            // The client's port or route went away; nothing to do for a datagram.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

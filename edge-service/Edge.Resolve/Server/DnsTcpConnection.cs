using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Edge.Resolve.Upstream;
using Edge.Watch.Net;

namespace Edge.Resolve.Server;

/// <summary>One DNS-over-TCP client (RFC 7766): length-prefixed queries, several in flight at
/// once and answered as each completes (so possibly out of order), never truncated. Closed when
/// idle, when a started message stalls (slowloris), on a zero-length frame, or when evicted.</summary>
internal sealed class DnsTcpConnection : IUpstreamWaiter, IDisposable
{
    private const int InitialBuffer = 4096;

    private readonly Socket _socket;
    private readonly DnsTcpListener _listener;
    private readonly IQueryResolver _resolver;
    private readonly UpstreamPool _pool;
    private readonly ExchangeRecorder _recorder;
    private readonly ForwarderCounters _counters;
    private readonly ForwarderOptions _options;
    private readonly TimeProvider _time;
    private readonly Channel<(byte[] Frame, int Length)> _writes = Channel.CreateUnbounded<(byte[], int)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly IpAddr _client;
    private readonly ushort _clientPort;
    private readonly IpAddr _server;
    private readonly ushort _serverPort;
    private volatile int _buffered;
    private int _closed;

    public DnsTcpConnection(Socket socket, DnsTcpListener listener, IQueryResolver resolver, UpstreamPool pool, ExchangeRecorder recorder, ForwarderCounters counters, ForwarderOptions options, TimeProvider time)
    {
        _socket = socket;
        _listener = listener;
        _resolver = resolver;
        _pool = pool;
        _recorder = recorder;
        _counters = counters;
        _options = options;
        _time = time;
        _slots = new SemaphoreSlim(options.MaxTcpPipelined, options.MaxTcpPipelined);
        var remote = (IPEndPoint)socket.RemoteEndPoint!;
        var local = (IPEndPoint)socket.LocalEndPoint!;
        _client = SocketAddresses.ToIpAddr(remote.Address);
        _clientPort = (ushort)remote.Port;
        _server = SocketAddresses.ToIpAddr(local.Address);
        _serverPort = (ushort)local.Port;
        LastActivity = time.GetTimestamp();
    }

    public long LastActivity { get; private set; }

    /// <summary>Nothing half-read and nothing outstanding: safe to close for a newcomer.</summary>
    public bool IsIdle => _buffered == 0 && _slots.CurrentCount == _options.MaxTcpPipelined;

    public async Task RunAsync()
    {
        var writer = WriteLoopAsync();
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        var filled = 0;
        try
        {
            while (true)
            {
                timeout.CancelAfter(filled > 0 ? _options.TcpMessageTimeout : _options.TcpIdleTimeout);
                int received;
                try
                {
                    using var both = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stop.Token);
                    received = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, both.Token);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_stop.IsCancellationRequested)
                {
                    if (filled > 0)
                    {
                        Interlocked.Increment(ref _counters._tcpClosedSlow);
                        return;
                    }
                    if (IsIdle)
                    {
                        Interlocked.Increment(ref _counters._tcpClosedIdle);
                        return;
                    }
                    // Answers still outstanding (RFC 7766 §6.2.3): keep the connection for them.
                    timeout.Dispose();
                    timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
                    continue;
                }
                if (received == 0)
                    return;
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                LastActivity = _time.GetTimestamp();
                filled += received;

                var offset = 0;
                while (filled - offset >= 2)
                {
                    var length = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(offset));
                    if (length == 0)
                    {
                        Interlocked.Increment(ref _counters._tcpBadFraming);
                        return;
                    }
                    if (filled - offset - 2 < length)
                        break;
                    await _slots.WaitAsync(_stop.Token);
                    Handle(buffer.AsSpan(offset + 2, length));
                    offset += 2 + length;
                }
                if (offset > 0)
                {
                    buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
                    filled -= offset;
                }
                if (filled >= 2)
                {
                    var needed = 2 + BinaryPrimitives.ReadUInt16BigEndian(buffer);
                    if (needed > buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(needed);
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
                _buffered = filled;
            }
        }
        catch (Exception)
        {
            // Socket errors, cancellation at shutdown, or a resolver that broke its promise not
            // to throw: in every case this connection ends and the others go on.
        }
        finally
        {
            timeout.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
            Close();
            await writer;
            _listener.Forget(this);
        }
    }

    // The semaphore and token source stay undisposed: upstream threads may still release a slot.
    public void Dispose() => Close();

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
            return;
        _writes.Writer.TryComplete();
        _stop.Cancel();
        _socket.Dispose();
    }

    private void Handle(ReadOnlySpan<byte> query)
    {
        Interlocked.Increment(ref _counters._tcpQueries);
        var response = ResponseScratch.ForThisThread();
        var verdict = _resolver.Decide(query, _client, DnsTransport.Tcp, response, out var length);
        switch (verdict)
        {
            case QueryVerdict.Answered:
            case QueryVerdict.Blocked:
                Interlocked.Increment(ref verdict == QueryVerdict.Answered ? ref _counters._answered : ref _counters._blocked);
                Reply(query, response.AsSpan(0, length), verdict);
                break;
            case QueryVerdict.NeedsUpstream:
                var pending = _pool.TryRent();
                if (pending is null)
                {
                    Interlocked.Increment(ref _counters._upstreamBusy);
                    Interlocked.Increment(ref _counters._servFail);
                    Reply(query, response.AsSpan(0, _resolver.Fail(query, response)), verdict);
                    break;
                }
                Interlocked.Increment(ref _counters._forwarded);
                pending.SetQuery(query);
                pending.Client = _client;
                pending.ClientPort = _clientPort;
                pending.Transport = DnsTransport.Tcp;
                pending.Waiter = this;
                _pool.Submit(pending);
                break;
            default:
                Interlocked.Increment(ref _counters._dropped);
                Reply(query, default, QueryVerdict.Dropped);
                break;
        }
    }

    public void OnAnswer(PendingQuery query, ReadOnlySpan<byte> answer)
    {
        var response = ResponseScratch.ForThisThread();
        var length = _resolver.Complete(query.Query, answer, DnsTransport.Tcp, response);
        if (length == 0)
        {
            OnFailed(query);
            return;
        }
        Reply(query.Query, response.AsSpan(0, length), QueryVerdict.NeedsUpstream);
    }

    public void OnFailed(PendingQuery query)
    {
        Interlocked.Increment(ref _counters._servFail);
        var response = ResponseScratch.ForThisThread();
        Reply(query.Query, response.AsSpan(0, _resolver.Fail(query.Query, response)), QueryVerdict.NeedsUpstream);
    }

    // Queues the framed response for the writer; the query's pipelining slot is freed once it is written.
    private void Reply(ReadOnlySpan<byte> query, ReadOnlySpan<byte> response, QueryVerdict verdict)
    {
        _recorder.Record(_client, _clientPort, _server, _serverPort, DnsTransport.Tcp, query, response, verdict);
        if (response.IsEmpty)
        {
            ReleaseSlot();
            return;
        }
        var frame = ArrayPool<byte>.Shared.Rent(response.Length + 2);
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)response.Length);
        response.CopyTo(frame.AsSpan(2));
        if (!_writes.Writer.TryWrite((frame, response.Length + 2)))
        {
            ArrayPool<byte>.Shared.Return(frame);
            ReleaseSlot();
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _writes.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var item))
                {
                    try
                    {
                        if (Volatile.Read(ref _closed) == 0)
                            await _socket.SendAsync(item.Frame.AsMemory(0, item.Length), SocketFlags.None, _stop.Token);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(item.Frame);
                        ReleaseSlot();
                    }
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Close();
        }
        while (reader.TryRead(out var left))
            ArrayPool<byte>.Shared.Return(left.Frame);
    }

    private void ReleaseSlot()
    {
        try
        {
            _slots.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }
}

using System.Net;
using System.Net.Sockets;
using Edge.Resolve.Upstream;

namespace Edge.Resolve.Server;

/// <summary>Accepts DNS-over-TCP clients up to <see cref="ForwarderOptions.MaxTcpConnections"/>:
/// at the limit the longest-idle connection is closed for the newcomer, or the newcomer is
/// refused when every connection is busy.</summary>
internal sealed class DnsTcpListener(Socket socket, IQueryResolver resolver, UpstreamPool pool, ExchangeRecorder recorder,
    ForwarderCounters counters, ForwarderOptions options, TimeProvider time) : IAsyncDisposable
{
    private readonly List<DnsTcpConnection> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;

    public IPEndPoint LocalEndPoint { get; } = (IPEndPoint)socket.LocalEndPoint!;

    public int ConnectionCount
    {
        get
        {
            lock (_connections)
                return _connections.Count;
        }
    }

    public void Start() => _accepting = AcceptLoopAsync();

    internal void Forget(DnsTcpConnection connection)
    {
        lock (_connections)
            _connections.Remove(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        socket.Dispose();
        await _accepting;
        DnsTcpConnection[] open;
        lock (_connections)
            open = [.. _connections];
        foreach (var connection in open)
            connection.Close();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref counters._receiveErrors);
                continue;
            }
            Admit(client);
        }
    }

    private void Admit(Socket client)
    {
        Interlocked.Increment(ref counters._tcpConnections);
        DnsTcpConnection? evicted = null;
        DnsTcpConnection connection;
        lock (_connections)
        {
            if (_connections.Count >= options.MaxTcpConnections)
            {
                foreach (var candidate in _connections)
                {
                    if (candidate.IsIdle && (evicted is null || candidate.LastActivity < evicted.LastActivity))
                        evicted = candidate;
                }
                if (evicted is null)
                {
                    Interlocked.Increment(ref counters._tcpRefused);
                    client.Dispose();
                    return;
                }
                _connections.Remove(evicted);
            }
            client.NoDelay = true;
            connection = new DnsTcpConnection(client, this, resolver, pool, recorder, counters, options, time);
            _connections.Add(connection);
        }
        if (evicted is not null)
        {
            Interlocked.Increment(ref counters._tcpClosedIdle);
            evicted.Close();
        }
        _ = Task.Run(connection.RunAsync);
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Edge.Service.StatusPage.Http;

/// <summary>A small HTTP/1.1 server for a page a few people look at: it reads request heads (never
/// bodies), hands each to <c>respond</c> and writes the whole response with a Content-Length.
/// Bounded everywhere: 64 connections (more are closed at once), an 8 KiB head, 15 s to send one
/// (idle keep-alive included), 15 s to take a response, 1,000 requests per connection.</summary>
internal sealed class ReadOnlyHttpServer : IAsyncDisposable
{
    public const int MaxConnections = 64;
    public const int MaxRequestsPerConnection = 1000;
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(15);

    private readonly IReadOnlyList<Socket> _listeners;
    private readonly Func<HttpRequestHead, IPAddress, HttpResponse> _respond;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _common;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly List<Task> _acceptLoops = [];
    private int _open;
    private long _refused;
    private int _stopped;

    private ReadOnlyHttpServer(IReadOnlyList<Socket> listeners, Func<HttpRequestHead, IPAddress, HttpResponse> respond,
        IReadOnlyList<KeyValuePair<string, string>> common, TimeProvider time, ILogger log)
    {
        _listeners = listeners;
        _respond = respond;
        _common = common;
        _time = time;
        _log = log;
        Endpoints = listeners.Select(l => (IPEndPoint)l.LocalEndPoint!).ToList();
    }

    /// <summary>The endpoints listened on, with the port the system chose where 0 was asked.</summary>
    public IReadOnlyList<IPEndPoint> Endpoints { get; }

    /// <summary>Connections closed at once because <see cref="MaxConnections"/> were open.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <exception cref="IOException">An endpoint cannot be listened on (in use, no such address).</exception>
    public static ReadOnlyHttpServer Start(IEnumerable<IPEndPoint> endpoints, Func<HttpRequestHead, IPAddress, HttpResponse> respond,
        IReadOnlyList<KeyValuePair<string, string>> common, TimeProvider time, ILogger log)
    {
        var listeners = new List<Socket>();
        try
        {
            foreach (var endpoint in endpoints)
            {
                var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                listeners.Add(listener);
                try
                {
                    listener.Bind(endpoint);
                    listener.Listen(128);
                }
                catch (SocketException e)
                {
                    throw new IOException($"cannot listen on {endpoint}: {e.Message}", e);
                }
            }
        }
        catch
        {
            foreach (var listener in listeners)
                listener.Dispose();
            throw;
        }
        var server = new ReadOnlyHttpServer(listeners, respond, common, time, log);
        foreach (var listener in listeners)
            server._acceptLoops.Add(Task.Run(() => server.AcceptAsync(listener)));
        return server;
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
            return;
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var listener in _listeners)
            listener.Dispose();
        try
        {
            await Task.WhenAll([.. _acceptLoops, .. _connections.Keys]).WaitAsync(TimeSpan.FromSeconds(5), _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Every wait of a connection ends with the server's token; one that did not is abandoned.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // A connection reset before it was taken, or out of descriptors: the next may do.
                HttpServerLog.AcceptFailed(_log, e.SocketErrorCode.ToString());
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time).ConfigureAwait(false);
                continue;
            }
            if (Interlocked.Increment(ref _open) > MaxConnections)
            {
                Interlocked.Decrement(ref _open);
                Interlocked.Increment(ref _refused);
                connection.Dispose();
                continue;
            }
            var task = ServeAsync(connection);
            _connections.TryAdd(task, 0);
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        await Task.Yield();
        try
        {
            connection.NoDelay = true;
            var client = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
            var buffer = new byte[HttpHeadParser.MaxHeadBytes];
            var filled = 0;
            for (var served = 1; served <= MaxRequestsPerConnection; served++)
            {
                int headLength;
                using (var deadline = Deadline(RequestTimeout))
                {
                    while ((headLength = HttpHeadParser.HeadLength(buffer.AsSpan(0, filled))) < 0)
                    {
                        if (filled == buffer.Length)
                        {
                            await SendAsync(connection, HttpResponse.Text(431, "request head too large\n"), head: false, keepAlive: false).ConfigureAwait(false);
                            await DrainAsync(connection, buffer).ConfigureAwait(false);
                            return;
                        }
                        var read = await connection.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, deadline.Token).ConfigureAwait(false);
                        if (read == 0)
                            return;
                        filled += read;
                    }
                }
                var parsed = HttpHeadParser.Parse(buffer.AsSpan(0, headLength));
                if (parsed.Head is not { } request)
                {
                    await SendAsync(connection, HttpResponse.Text(parsed.Status, parsed.Reason + "\n"), head: false, keepAlive: false).ConfigureAwait(false);
                    await DrainAsync(connection, buffer).ConfigureAwait(false);
                    return;
                }
                var keepAlive = request.KeepAlive && served < MaxRequestsPerConnection;
                await SendAsync(connection, Respond(request, client), request.IsHead, keepAlive).ConfigureAwait(false);
                if (!keepAlive)
                {
                    await DrainAsync(connection, buffer).ConfigureAwait(false);
                    return;
                }
                buffer.AsSpan(headLength, filled - headLength).CopyTo(buffer);
                filled -= headLength;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Timed out, reset by the client, or the server stopping: the connection just ends.
        }
        finally
        {
            connection.Dispose();
            Interlocked.Decrement(ref _open);
        }
    }

    private HttpResponse Respond(HttpRequestHead request, IPAddress client)
    {
        try
        {
            return _respond(request, client);
        }
#pragma warning disable CA1031 // A fault in one page must not end the server; it is logged and answered 500.
        catch (Exception e)
#pragma warning restore CA1031
        {
            HttpServerLog.HandlerFailed(_log, request.Method, request.Path, e);
            return HttpResponse.Text(500, "internal error\n");
        }
    }

    private async Task SendAsync(Socket connection, HttpResponse response, bool head, bool keepAlive)
    {
        var bytes = HttpResponseWriter.Serialize(response, head, keepAlive, _time.GetUtcNow(), _common);
        using var deadline = Deadline(SendTimeout);
        await connection.SendAsync(bytes, SocketFlags.None, deadline.Token).ConfigureAwait(false);
        if (!keepAlive)
            connection.Shutdown(SocketShutdown.Send);
    }

    /// <summary>After the last response: reads (and drops) what the client still sends, such as an
    /// unread body, until it closes, for at most 2 s and 64 KiB. Closing with bytes unread would
    /// reset the connection, and a client could lose the response it had not read yet.</summary>
    private async Task DrainAsync(Socket connection, byte[] buffer)
    {
        using var deadline = Deadline(TimeSpan.FromSeconds(2));
        for (var drained = 0; drained < 64 * 1024;)
        {
            var read = await connection.ReceiveAsync(buffer, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            if (read == 0)
                return;
            drained += read;
        }
    }

    private ConnectionDeadline Deadline(TimeSpan after) => new(after, _time, _stop.Token);

    /// <summary>Cancelled after a time on the server's clock, or when the server stops.</summary>
    private sealed class ConnectionDeadline : IDisposable
    {
        private readonly CancellationTokenSource _timeout;
        private readonly CancellationTokenSource _linked;

        public ConnectionDeadline(TimeSpan after, TimeProvider time, CancellationToken stop)
        {
            _timeout = new CancellationTokenSource(after, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, stop);
        }

        public CancellationToken Token => _linked.Token;

        public void Dispose()
        {
            _linked.Dispose();
            _timeout.Dispose();
        }
    }
}

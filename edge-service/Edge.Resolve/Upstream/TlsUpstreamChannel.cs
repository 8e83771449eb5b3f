using System.Buffers;
using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Resolve.Upstream;

/// <summary>DNS over TLS to one upstream (RFC 7858): one persistent connection, queries pipelined
/// on it (RFC 7766 §6.2.1.1) and answers matched by id as they come back in any order; connected
/// on first use and again after a failure. The certificate must be valid for the configured
/// name, against the system store or the configured CA file; TLS 1.2 or newer.</summary>
internal sealed class TlsUpstreamChannel(UpstreamPool pool, UpstreamState upstream, int channelId, TimeSpan connectTimeout, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SslStream? _stream;
    private volatile bool _closed;

    public int ChannelId { get; } = channelId;

    public UpstreamState Upstream { get; } = upstream;

    /// <summary>Writes one framed query (its upstream id already in place) and returns the frame to the array pool.</summary>
    public async Task SendAsync(byte[] frame, int length)
    {
        SslStream? stream = null;
        try
        {
            await _writeLock.WaitAsync();
            try
            {
                // Queued behind a failed connect, the query may have moved on: do not reconnect for it.
                if (!pool.IsAwaited(ChannelId, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(2))))
                    return;
                stream = _stream ?? await ConnectAsync();
                await stream.WriteAsync(frame.AsMemory(0, length));
                await stream.FlushAsync();
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (Exception e)
        {
            Broken(stream, e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    public void Dispose()
    {
        _closed = true;
        Interlocked.Exchange(ref _stream, null)?.Dispose();
        _writeLock.Dispose();
    }

    private async Task<SslStream> ConnectAsync()
    {
        using var timeout = new CancellationTokenSource(connectTimeout, time);
        var socket = new Socket(Upstream.Server.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(Upstream.Server.Endpoint, timeout.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var stream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            await stream.AuthenticateAsClientAsync(AuthenticationOptions(), timeout.Token);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
        pool.CountTlsConnect();
        _stream = stream;
        _ = Task.Run(() => ReadLoopAsync(stream));
        return stream;
    }

    private SslClientAuthenticationOptions AuthenticationOptions()
    {
        var server = Upstream.Server;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = server.TlsServerName ?? server.Endpoint.Address.ToString(),
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ApplicationProtocols = [new SslApplicationProtocol("dot")],
        };
        if (server.TlsCaFile is not null)
        {
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            var authorities = new X509Certificate2Collection();
            authorities.ImportFromPemFile(server.TlsCaFile);
            policy.CustomTrustStore.AddRange(authorities);
            options.CertificateChainPolicy = policy;
        }
        return options;
    }

    private async Task ReadLoopAsync(SslStream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(2 + ushort.MaxValue);
        try
        {
            while (!_closed)
            {
                await stream.ReadExactlyAsync(buffer.AsMemory(0, 2));
                var length = BinaryPrimitives.ReadUInt16BigEndian(buffer);
                await stream.ReadExactlyAsync(buffer.AsMemory(2, length));
                pool.OnStreamMessage(ChannelId, buffer.AsSpan(2, length));
            }
        }
        catch (Exception e)
        {
            Broken(stream, e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Broken(SslStream? stream, string reason)
    {
        if (_closed)
            return;
        if (stream is not null)
        {
            if (Interlocked.CompareExchange(ref _stream, null, stream) != stream)
                return;
            stream.Dispose();
        }
        pool.OnChannelBroken(this, reason);
    }
}

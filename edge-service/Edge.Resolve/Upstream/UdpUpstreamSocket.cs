using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace Edge.Resolve.Upstream;

/// <summary>One UDP socket on an OS-chosen port for queries to UDP upstreams, and the loop that
/// hands everything it receives to the pool (which checks source, id and question).</summary>
internal sealed class UdpUpstreamSocket
{
    private const int ReceiveBufferBytes = 1 << 20;

    /// <summary>The largest answer taken over UDP. Resolvers answer within the EDNS size the client
    /// asked for, 1232 bytes as DNS Flag Day 2020 advises for most; an answer that fills the whole
    /// buffer may have been cut by the kernel and is asked again over TCP, as if it had TC set.
    /// 4 KiB instead of 64 per socket: 32 sockets, replaced all the time, stay small.</summary>
    internal const int MaxDatagram = 4096;

    private readonly UpstreamPool _pool;
    private volatile bool _closed;

    public UdpUpstreamSocket(UpstreamPool pool, AddressFamily family, int channelId, long openedAt)
    {
        _pool = pool;
        ChannelId = channelId;
        OpenedAt = openedAt;
        Socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        Socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        try
        {
            Socket.ReceiveBufferSize = ReceiveBufferBytes;
        }
        catch (SocketException)
        {
            // Capped by net.core.rmem_max; the default works, with less room for bursts.
        }
        Port = ((IPEndPoint)Socket.LocalEndPoint!).Port;
        _ = Task.Run(ReceiveLoopAsync);
    }

    public Socket Socket { get; }

    public int ChannelId { get; }

    public int Port { get; }

    public long OpenedAt { get; }

    /// <summary>Queries sent from this socket (its rotation counter); under the pool's lock.</summary>
    public int Sent { get; set; }

    public int InFlight { get; set; }

    public long RetiredAt { get; set; }

    public void Close()
    {
        _closed = true;
        Socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        // Sockets are replaced every 100 queries: the buffer comes from the pool.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        try
        {
            await ReceiveAsync(buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ReceiveAsync(byte[] buffer)
    {
        var from = new SocketAddress(Socket.AddressFamily);
        while (!_closed)
        {
            int received;
            try
            {
                received = await Socket.ReceiveFromAsync(buffer.AsMemory(0, MaxDatagram), SocketFlags.None, from);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                if (_closed)
                    return;
                _pool.CountReceiveError();
                continue;
            }
            _pool.OnUdpMessage(this, buffer.AsSpan(0, received), from, cut: received == MaxDatagram);
        }
    }
}

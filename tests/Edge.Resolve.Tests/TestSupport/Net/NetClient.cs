using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>A DNS client for tests, over UDP or TCP, with bounded waits.</summary>
public static class NetClient
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>Sends one query and waits for one datagram back; null when none came in time.</summary>
    public static async Task<byte[]?> QueryUdpAsync(IPEndPoint server, byte[] query, TimeSpan? timeout = null)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(server);
        await socket.SendAsync(query, SocketFlags.None);
        return await ReceiveAsync(socket, timeout ?? Wait);
    }

    public static async Task<byte[]?> ReceiveAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[65536];
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            return buffer.AsSpan(0, received).ToArray();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public static async Task<Socket> ConnectTcpAsync(IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server);
        return socket;
    }

    public static async Task WriteFrameAsync(Socket socket, byte[] message, CancellationToken cancel = default)
    {
        var frame = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)message.Length);
        message.CopyTo(frame, 2);
        await socket.SendAsync(frame, SocketFlags.None, cancel);
    }

    /// <summary>One length-prefixed message; null at the end of the stream.</summary>
    public static async Task<byte[]?> ReadFrameAsync(Socket socket, CancellationToken cancel = default)
    {
        var prefix = new byte[2];
        if (!await ReadExactlyAsync(socket, prefix, cancel))
            return null;
        var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
        return await ReadExactlyAsync(socket, message, cancel) ? message : null;
    }

    /// <summary>Reads a frame within <paramref name="timeout"/>; null on end of stream, timeout or reset.</summary>
    public static async Task<byte[]?> ReadFrameAsync(Socket socket, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await ReadFrameAsync(socket, cancel.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
            return null;
        }
    }

    /// <summary>Whether the peer closed the connection within <paramref name="timeout"/>.</summary>
    public static async Task<bool> ClosedWithinAsync(Socket socket, TimeSpan timeout)
    {
        var buffer = new byte[512];
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token) == 0)
                    return true;
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancel)
    {
        while (buffer.Length > 0)
        {
            var received = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel);
            if (received == 0)
                return false;
            buffer = buffer[received..];
        }
        return true;
    }

    /// <summary>Polls <paramref name="condition"/> every few milliseconds for at most <paramref name="limit"/>.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var end = DateTime.UtcNow + (limit ?? Wait);
        while (!condition())
        {
            if (DateTime.UtcNow > end)
                return false;
            await Task.Delay(5);
        }
        return true;
    }
}

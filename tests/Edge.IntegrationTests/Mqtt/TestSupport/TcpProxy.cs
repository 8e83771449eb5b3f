using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Edge.IntegrationTests.Mqtt.TestSupport;

/// <summary>A loopback TCP relay in front of the broker, so a test can cut the sensor's connection
/// abruptly (reset, no DISCONNECT) as a pulled cable or a killed process would.</summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, byte> _sockets = new();
    private readonly Task _accept;

    public TcpProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accept = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => _sockets.Count / 2;

    /// <summary>While true, new connections are accepted and closed at once (the sensor's link
    /// stays down).</summary>
    public volatile bool RefuseNew;

    /// <summary>While true, a new connection relays the client's first MQTT packet (its CONNECT, so the
    /// broker holds its session and Last Will) and then swallows what the client sends: the sensor
    /// believes it is connected and publishes, and no PUBACK ever comes back.</summary>
    public volatile bool HoldAfterConnect;

    /// <summary>Resets every relayed connection on both sides (linger 0: RST, no FIN).</summary>
    public void DropAll()
    {
        foreach (var socket in _sockets.Keys)
        {
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (ObjectDisposedException)
            {
            }

            _sockets.TryRemove(socket, out _);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            if (RefuseNew)
            {
                client.Close();
                continue;
            }

            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            }
            catch (Exception)
            {
                client.Close();
                server.Dispose();
                continue;
            }

            _sockets[client] = 0;
            _sockets[server] = 0;
            _ = PumpAsync(client, server, HoldAfterConnect);
            _ = PumpAsync(server, client, hold: false);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool hold)
    {
        var buffer = new byte[16384];
        // With hold: bytes still to relay (the first packet), -1 until its header is read.
        var relay = hold ? -1L : long.MaxValue;
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, _stop.Token);
                if (read == 0)
                    break;
                if (relay < 0)
                    relay = FirstPacketLength(buffer.AsSpan(0, read));
                var forward = (int)Math.Min(read, relay);
                if (forward > 0)
                    await to.SendAsync(buffer.AsMemory(0, forward), _stop.Token);
                if (relay != long.MaxValue)
                    relay -= forward;
            }
        }
        catch (Exception)
        {
        }

        foreach (var socket in new[] { from, to })
        {
            if (_sockets.TryRemove(socket, out _))
                socket.Close();
        }
    }

    /// <summary>Fixed header (type byte, remaining-length varint) plus the remaining length.</summary>
    private static long FirstPacketLength(ReadOnlySpan<byte> bytes)
    {
        long length = 0;
        for (var i = 1; i < Math.Min(bytes.Length, 5); i++)
        {
            length |= (long)(bytes[i] & 0x7F) << (7 * (i - 1));
            if ((bytes[i] & 0x80) == 0)
                return i + 1 + length;
        }
        return bytes.Length;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropAll();
        try
        {
            await _accept.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
        }

        _stop.Dispose();
    }
}

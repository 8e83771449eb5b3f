using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>An upstream resolver in the test process, UDP and TCP on one loopback port. By
/// default it answers every query with an A record; tests replace <see cref="RespondUdp"/> or
/// <see cref="RespondTcp"/> to stay silent, truncate, refuse or misbehave.</summary>
public sealed class NetFakeUpstream : IDisposable
{
    public static readonly IPAddress DefaultAnswer = IPAddress.Parse("192.0.2.1");

    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly CancellationTokenSource _stop = new();

    public NetFakeUpstream(IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        for (var attempt = 0; ; attempt++)
        {
            _udp = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _udp.Bind(new IPEndPoint(address, 0));
            Endpoint = (IPEndPoint)_udp.LocalEndPoint!;
            _tcp = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                _tcp.Bind(Endpoint);
                break;
            }
            catch (SocketException) when (attempt < 10)
            {
                _tcp.Dispose();
                _udp.Dispose();
            }
        }
        _tcp.Listen(16);
        _ = Task.Run(UdpLoopAsync);
        _ = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>The UDP socket, for tests that answer by hand.</summary>
    public Socket UdpSocket => _udp;

    /// <summary>Messages to send back for a UDP query (none: stay silent).</summary>
    public Func<byte[], IPEndPoint, IEnumerable<byte[]>> RespondUdp { get; set; } = (query, _) => [NetDnsMessages.Answer(query, DefaultAnswer)];

    public Func<byte[], byte[]?> RespondTcp { get; set; } = query => NetDnsMessages.Answer(query, DefaultAnswer, records: 3);

    public ConcurrentQueue<(byte[] Query, IPEndPoint From)> UdpQueries { get; } = new();

    public ConcurrentQueue<byte[]> TcpQueries { get; } = new();

    public void Silence()
    {
        RespondUdp = (_, _) => [];
        RespondTcp = _ => null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        _tcp.Dispose();
    }

    private async Task UdpLoopAsync()
    {
        var buffer = new byte[65536];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(Endpoint.Address, 0), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                    return;
                continue;
            }
            var query = buffer.AsSpan(0, result.ReceivedBytes).ToArray();
            var from = (IPEndPoint)result.RemoteEndPoint;
            UdpQueries.Enqueue((query, from));
            foreach (var message in RespondUdp(query, from))
            {
                try
                {
                    await _udp.SendToAsync(message, SocketFlags.None, from);
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                }
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _tcp.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                while (true)
                {
                    var query = await NetClient.ReadFrameAsync(client, _stop.Token);
                    if (query is null)
                        return;
                    TcpQueries.Enqueue(query);
                    var answer = RespondTcp(query);
                    if (answer is null)
                        continue;
                    await NetClient.WriteFrameAsync(client, answer, _stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }
    }

    public static ushort IdOf(byte[] message) => BinaryPrimitives.ReadUInt16BigEndian(message);
}

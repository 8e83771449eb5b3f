using System.Net;
using System.Net.Sockets;

namespace Edge.Resolve.Server;

/// <summary>Binds the UDP and TCP sockets of one listen endpoint on the same port.</summary>
internal static class ListenerSockets
{
    private const int PortZeroTries = 16;
    private const int Backlog = 512;

    public static (Socket Udp, Socket Tcp) Bind(IPEndPoint endpoint, int receiveBufferBytes)
    {
        for (var attempt = 0; ; attempt++)
        {
            var udp = Open(endpoint, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(endpoint);
            }
            catch (SocketException e)
            {
                udp.Dispose();
                throw Explain("udp", endpoint, e);
            }
            TrySetReceiveBuffer(udp, receiveBufferBytes);
            var bound = new IPEndPoint(endpoint.Address, ((IPEndPoint)udp.LocalEndPoint!).Port);
            var tcp = Open(endpoint, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                tcp.Bind(bound);
                tcp.Listen(Backlog);
                return (udp, tcp);
            }
            catch (SocketException e)
            {
                tcp.Dispose();
                udp.Dispose();
                // Port 0: UDP found a free port that TCP does not have; try another.
                if (endpoint.Port != 0 || e.SocketErrorCode != SocketError.AddressAlreadyInUse || attempt >= PortZeroTries)
                    throw Explain("tcp", bound, e);
            }
        }
    }

    private static Socket Open(IPEndPoint endpoint, SocketType type, ProtocolType protocol)
    {
        var socket = new Socket(endpoint.AddressFamily, type, protocol);
        if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            socket.DualMode = false;
        return socket;
    }

    private static void TrySetReceiveBuffer(Socket socket, int bytes)
    {
        try
        {
            socket.ReceiveBufferSize = bytes;
        }
        catch (SocketException)
        {
            // The kernel caps it (net.core.rmem_max); the default still works.
        }
    }

    private static InvalidOperationException Explain(string protocol, IPEndPoint endpoint, SocketException e) =>
        new($"DNS forwarder cannot listen on {protocol} {endpoint}: {e.Message} ({e.SocketErrorCode})", e);
}

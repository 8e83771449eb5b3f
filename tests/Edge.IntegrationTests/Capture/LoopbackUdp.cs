using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Edge.IntegrationTests.Capture;

/// <summary>UDP datagrams on 127.0.0.1 that a test sends and then finds again in captured frames:
/// each payload is a marker and a sequence number. A bound receiver per port keeps the kernel from
/// answering with ICMP port-unreachable.</summary>
public sealed class LoopbackUdp : IDisposable
{
    private static readonly byte[] s_marker = Encoding.ASCII.GetBytes("edge-capture-test");
    private readonly Socket _sender = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public LoopbackUdp()
    {
        Matching = Bind();
        Other = Bind();
    }

    /// <summary>The port the capture filter selects, and one it must leave out.</summary>
    public Socket Matching { get; }

    public Socket Other { get; }

    public int MatchingPort => ((IPEndPoint)Matching.LocalEndPoint!).Port;

    public int OtherPort => ((IPEndPoint)Other.LocalEndPoint!).Port;

    public static int PayloadLength(int size) => Math.Max(size, s_marker.Length + 4);

    public void Send(Socket to, int sequence, int size = 0)
    {
        var payload = new byte[PayloadLength(size)];
        s_marker.CopyTo(payload, 0);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(s_marker.Length), sequence);
        _sender.SendTo(payload, to.LocalEndPoint!);
    }

    /// <summary>How many datagrams <paramref name="socket"/> has received within <paramref name="wait"/>.</summary>
    public static int Drain(Socket socket, int expected, TimeSpan wait)
    {
        var buffer = new byte[65536];
        var received = 0;
        socket.ReceiveTimeout = (int)wait.TotalMilliseconds;
        try
        {
            while (received < expected)
            {
                socket.Receive(buffer);
                received++;
            }
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
        {
        }
        return received;
    }

    /// <summary>The test's sequence number in an Ethernet/IPv4/UDP frame (loopback is DLT_EN10MB
    /// with zero addresses), with the frame's UDP destination port; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<byte> frame, out int destinationPort, out int sequence)
    {
        destinationPort = 0;
        sequence = -1;
        if (frame.Length < 14 + 20 + 8 || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800)
            return false;
        var ip = frame[14..];
        var headerLength = (ip[0] & 0x0f) * 4;
        if (ip[9] != 17 || ip.Length < headerLength + 8)
            return false;
        var udp = ip[headerLength..];
        destinationPort = BinaryPrimitives.ReadUInt16BigEndian(udp[2..]);
        var payload = udp[8..];
        if (!payload.StartsWith(s_marker) || payload.Length < s_marker.Length + 4)
            return false;
        sequence = BinaryPrimitives.ReadInt32BigEndian(payload[s_marker.Length..]);
        return true;
    }

    public void Dispose()
    {
        _sender.Dispose();
        Matching.Dispose();
        Other.Dispose();
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Edge.IntegrationTests.Dns;

/// <summary>One UDP query from the client namespace timed in-process (no dig start-up in the
/// measurement): the response's rcode and how long it took, or null when nothing came.</summary>
public static class TimedQuery
{
    public sealed record Reply(int Rcode, TimeSpan Elapsed, int Length);

    public static Reply? Ask(string clientNs, string server, string name, ushort type, TimeSpan wait) =>
        NetnsThread.Run(clientNs, () =>
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Connect(new IPEndPoint(IPAddress.Parse(server), 53));
            var id = (ushort)Random.Shared.Next(0, 65536);
            var query = LabDns.Query(id, name, type);
            var buffer = new byte[65535];
            var clock = Stopwatch.StartNew();
            socket.Send(query);
            while (clock.Elapsed < wait)
            {
                socket.ReceiveTimeout = Math.Max(1, (int)(wait - clock.Elapsed).TotalMilliseconds);
                int length;
                try
                {
                    length = socket.Receive(buffer);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
                {
                    break;
                }
                if (length >= 12 && LabDns.Id(buffer) == id && LabDns.IsResponse(buffer))
                    return new Reply(LabDns.Rcode(buffer), clock.Elapsed, length);
            }
            return null;
        }, wait + TimeSpan.FromSeconds(10));
}

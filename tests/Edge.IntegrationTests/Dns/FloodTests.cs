using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Edge.IntegrationTests.Dns;

/// <summary>A few thousand mutated queries (bit flips, cut and stretched messages, absurd counts,
/// compression-pointer loops, garbage) from the client namespace over UDP and TCP: Edge keeps running
/// and still answers dig identically afterwards.</summary>
[Collection(DnsLabCollection.Name)]
public sealed class FloodTests
{
    private const int UdpQueries = 5000;
    private const int TcpConnections = 200;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public void Mutated_queries_neither_crash_nor_stall_the_forwarder()
    {
        using var lab = DnsLab.Create();
        lab.StartUnbound();
        var edge = new EdgeForwarder(lab).Upstream(lab.UnboundAddress).Timeouts(300, 1000).Start();
        var random = new Random(9);
        var seeds = Seeds();

        var (sent, replies, largest) = NetnsThread.Run(lab.Client, () => FloodUdp(lab.SensorAddress, seeds, random), Limit);
        var closed = NetnsThread.Run(lab.Client, () => FloodTcp(lab.SensorAddress, seeds, random), Limit);

        Assert.False(edge.HasExited, $"edge-service exited during the flood:\n{edge.Output}");
        Assert.Equal(UdpQueries, sent);
        // Edge may answer, FORMERR or drop: only survival counts here. (The size of answers to
        // clients without EDNS or with a small buffer is checked in ForwardingTests.)
        foreach (var (name, type) in new[] { (LabZone.Www, "A"), (LabZone.Alias, "A"), (LabZone.Missing, "A") })
        {
            SameAnswer.Assert(lab.Dig.Query(lab.UnboundAddress, name, type), lab.Dig.Query(lab.SensorAddress, name, type), $"{name} after the flood ({replies} UDP replies, the largest {largest} bytes; {closed} TCP connections)");
            SameAnswer.Assert(lab.Dig.Query(lab.UnboundAddress, name, type, "+tcp"), lab.Dig.Query(lab.SensorAddress, name, type, "+tcp"), $"{name} over TCP after the flood");
        }
    }

    private static byte[][] Seeds() =>
    [
        LabDns.Query(1, LabZone.Www, LabDns.TypeA),
        LabDns.Query(2, LabZone.Www, LabDns.TypeAaaa, edns: false),
        LabDns.Query(3, LabZone.Alias, LabDns.TypeA),
        LabDns.Query(4, LabZone.Many, LabDns.TypeA, edns: false),
        LabDns.Query(5, LabZone.Zone, LabDns.TypeMx),
        LabDns.Query(6, LabZone.Long, LabDns.TypeTxt),
        LabDns.Query(7, "a.very.deep.name.under.the.lab.zone.lab.test", LabDns.TypeA),
    ];

    /// <summary>One mutation of a real query, chosen at random; the first ones of every kind in order.</summary>
    private static byte[] Mutate(byte[] seed, Random random, int n)
    {
        var message = (byte[])seed.Clone();
        switch (n % 9)
        {
            case 0: // a few bit flips anywhere
                for (var i = 0; i < 1 + random.Next(4); i++)
                    message[random.Next(message.Length)] ^= (byte)(1 << random.Next(8));
                return message;
            case 1: // cut short
                return message[..random.Next(0, message.Length)];
            case 2: // trailing garbage
                return [.. message, .. RandomBytes(random, random.Next(1, 600))];
            case 3: // absurd section counts
                message[4 + 2 * random.Next(4)] = 0xFF;
                message[5 + 2 * random.Next(4)] = (byte)random.Next(256);
                return message;
            case 4: // the name replaced by a compression pointer to itself (a loop)
                return [.. message[..12], 0xC0, 0x0C, 0, 1, 0, 1];
            case 5: // a label length running past the end
                message[12] = 63;
                return message;
            case 6: // a response, an odd opcode or class
                message[2] = (byte)random.Next(256);
                message[^3] = (byte)random.Next(256);
                return message;
            case 7: // pure garbage
                return RandomBytes(random, random.Next(0, 1500));
            default: // an EDNS record with a huge buffer and unknown options appended
                return [.. message[..^11], 0, 0, 41, 0xFF, 0xFF, 0, 0, 0x80, 0, 0, 8, 0xFD, 0xE9, 0, 4, 1, 2, 3, 4];
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static (int Sent, int Replies, int Largest) FloodUdp(string server, byte[][] seeds, Random random)
    {
        var target = new IPEndPoint(IPAddress.Parse(server), 53);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Connect(target);
        var buffer = new byte[65535];
        int sent = 0, replies = 0, largest = 0;
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < UdpQueries && clock.Elapsed < Limit; n++)
        {
            socket.Send(Mutate(seeds[n % seeds.Length], random, n));
            sent++;
            // Paced to ~5,000/s and drained as it goes, so the client's own buffer never overflows.
            if (n % 50 == 49)
            {
                Thread.Sleep(10);
                Drain(socket, buffer, ref replies, ref largest);
            }
        }
        Thread.Sleep(1500);
        Drain(socket, buffer, ref replies, ref largest);
        return (sent, replies, largest);
    }

    private static void Drain(Socket socket, byte[] buffer, ref int replies, ref int largest)
    {
        while (socket.Available > 0)
        {
            try
            {
                var length = socket.Receive(buffer);
                replies++;
                largest = Math.Max(largest, length);
            }
            catch (SocketException)
            {
                // ICMP port unreachable would show here: Edge not listening (it is checked after).
                return;
            }
        }
    }

    private static int FloodTcp(string server, byte[][] seeds, Random random)
    {
        var target = new IPEndPoint(IPAddress.Parse(server), 53);
        var done = 0;
        for (var n = 0; n < TcpConnections; n++)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 200, SendTimeout = 1000 };
            socket.Connect(target);
            var message = Mutate(seeds[n % seeds.Length], random, n);
            var prefix = (n % 4) switch
            {
                0 => message.Length,              // honest length
                1 => message.Length + 100,        // promises more than it sends, then closes
                2 => random.Next(0, 65536),       // any length
                _ => 0,                           // an empty message
            };
            try
            {
                socket.Send([(byte)(prefix >> 8), (byte)prefix, .. message]);
                if (n % 8 == 7)
                    socket.Send(RandomBytes(random, 3)); // a torn second length prefix
                socket.Receive(new byte[70_000]);
            }
            catch (SocketException)
            {
                // Reset by the forwarder, or still waiting for the promised bytes: either is fine,
                // the connection is closed here. Only the connect must succeed (Edge still listening).
            }
            done++;
        }
        return done;
    }
}

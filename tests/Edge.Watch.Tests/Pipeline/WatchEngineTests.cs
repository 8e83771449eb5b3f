using System.Buffers.Binary;
using System.Text;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Link;
using Edge.Watch.Net;
using Edge.Watch.Pipeline;
using Edge.Watch.Tests.Dns;
using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Tests.Tls;
using Edge.Watch.Transport;

namespace Edge.Watch.Tests.Pipeline;

public class WatchEngineTests
{
    private const string Client = "10.77.0.10";
    private const string Resolver = "192.0.2.53";
    private const string Web = "192.0.2.110";

    private readonly RecordingObserver _seen = new();
    private long _now = 1_000_000;

    private WatchEngine Engine(WatchOptions? options = null) => new(options ?? new WatchOptions(), _seen);

    private void Feed(WatchEngine engine, byte[] frame) =>
        engine.Process(LinkType.Ethernet, _now += 1000, frame, frame.Length);

    private static byte[] DnsQuery(ushort id, string name) =>
        new WireBuilder().Header(id, flags: 0x0100).Question(name, 1).ToArray();

    private static byte[] DnsAnswer(ushort id, string name, int answers) =>
        AnswerBuilder(id, name, answers).ToArray();

    private static WireBuilder AnswerBuilder(ushort id, string name, int answers)
    {
        var b = new WireBuilder().Header(id, flags: 0x8180, an: (ushort)answers).Question(name, 1);
        for (var i = 0; i < answers; i++)
            b.Record(12, 1, 300, r => r.Bytes([192, 0, 2, (byte)i]));
        return b;
    }

    private static byte[] Framed(params byte[][] messages)
    {
        var stream = new List<byte>();
        foreach (var m in messages)
        {
            stream.Add((byte)(m.Length >> 8));
            stream.Add((byte)m.Length);
            stream.AddRange(m);
        }
        return [.. stream];
    }

    private void Handshake(WatchEngine engine, ushort clientPort, string server, ushort serverPort, uint clientIsn = 100, uint serverIsn = 5000)
    {
        Feed(engine, Frames.TcpV4(Client, clientPort, server, serverPort, TcpFlags.Syn, clientIsn));
        Feed(engine, Frames.TcpV4(server, serverPort, Client, clientPort, TcpFlags.Syn | TcpFlags.Ack, serverIsn, acknowledgment: clientIsn + 1));
        Feed(engine, Frames.TcpV4(Client, clientPort, server, serverPort, TcpFlags.Ack, clientIsn + 1, acknowledgment: serverIsn + 1));
    }

    [Fact]
    public void Dns_over_udp_is_reported_with_its_flow()
    {
        var engine = Engine();
        Feed(engine, Frames.UdpV4(Client, 40000, Resolver, 53, DnsQuery(7, "google.com")));
        Feed(engine, Frames.UdpV4(Resolver, 53, Client, 40000, DnsAnswer(7, "google.com", 2)));
        engine.Finish();
        Assert.Equal(["Q 7 google.com an=0", "R 7 google.com an=2"], _seen.Dns);
        Assert.Equal(1, engine.Counters.DnsQueries);
        Assert.Equal(1, engine.Counters.DnsResponses);
        var flow = Assert.Single(_seen.Ended);
        Assert.Equal(AppProtocol.Dns, flow.App);
        Assert.Equal(2, flow.Packets);
    }

    [Fact]
    public void Dns_over_tcp_split_anywhere_gives_every_message_once()
    {
        var queryStream = Framed(DnsQuery(1, "a.example"), DnsQuery(2, "b.example"));
        var answerStream = Framed(DnsAnswer(1, "a.example", 1), DnsAnswer(2, "b.example", 3));
        for (var cut = 1; cut < queryStream.Length; cut += 3)
        {
            _seen.Dns.Clear();
            var engine = Engine();
            var port = (ushort)(41000 + cut);
            Handshake(engine, port, Resolver, 53);
            Feed(engine, Frames.TcpV4(Client, port, Resolver, 53, TcpFlags.Ack | TcpFlags.Psh, 101, queryStream[..cut]));
            Feed(engine, Frames.TcpV4(Client, port, Resolver, 53, TcpFlags.Ack | TcpFlags.Psh, (uint)(101 + cut), queryStream[cut..]));
            Feed(engine, Frames.TcpV4(Resolver, 53, Client, port, TcpFlags.Ack | TcpFlags.Psh, 5001, answerStream));
            Assert.Equal(["Q 1 a.example an=0", "Q 2 b.example an=0", "R 1 a.example an=1", "R 2 b.example an=3"], _seen.Dns);
            Assert.Equal(0, engine.Errors.Total);
            engine.Finish();
            Assert.Equal(0, engine.Buffers.InUse);
        }
    }

    [Fact]
    public void Dns_message_larger_than_a_buffer_is_skipped_and_the_next_one_still_read()
    {
        var engine = Engine(new WatchOptions { StreamBufferSize = 1024 });
        var big = AnswerBuilder(1, "big.example", 100).ToArray();
        Assert.True(big.Length > 1024);
        var stream = Framed(big, DnsAnswer(2, "small.example", 1));
        Handshake(engine, 42000, Resolver, 53);
        for (var offset = 0; offset < stream.Length; offset += 700)
        {
            var piece = stream[offset..Math.Min(stream.Length, offset + 700)];
            Feed(engine, Frames.TcpV4(Resolver, 53, Client, 42000, TcpFlags.Ack, (uint)(5001 + offset), piece));
        }
        Assert.Equal(["R 2 small.example an=1"], _seen.Dns);
        Assert.Equal(1, engine.Errors.Get(DecodeLayer.Stream, (byte)StreamError.Overflow));
    }

    [Fact]
    public void Client_hello_split_across_segments_is_reported_once()
    {
        var hello = new ClientHelloBuilder().Extension(0, ClientHelloBuilder.Sni("login.example.net"));
        hello.Ciphers.AddRange([0x1301, 0x1302]);
        var records = hello.Records();
        var engine = Engine();
        Handshake(engine, 43000, Web, 443);
        Feed(engine, Frames.TcpV4(Client, 43000, Web, 443, TcpFlags.Ack, 101, records[..10]));
        Feed(engine, Frames.TcpV4(Client, 43000, Web, 443, TcpFlags.Ack, 101, records[..10]));
        Feed(engine, Frames.TcpV4(Client, 43000, Web, 443, TcpFlags.Ack | TcpFlags.Psh, 111, records[10..]));
        Feed(engine, Frames.TcpV4(Client, 43000, Web, 443, TcpFlags.Ack | TcpFlags.Psh, 111, records[10..]));
        Assert.Equal(["login.example.net"], _seen.Tls);
        Assert.Equal(0, engine.Buffers.InUse);
    }

    [Fact]
    public void A_lost_segment_inside_a_hello_is_counted_as_a_gap()
    {
        var hello = new ClientHelloBuilder().Extension(0, ClientHelloBuilder.Sni("lost.example"));
        var records = hello.Records();
        var engine = Engine();
        Handshake(engine, 43001, Web, 443);
        Feed(engine, Frames.TcpV4(Client, 43001, Web, 443, TcpFlags.Ack, 101, records[..10]));
        Feed(engine, Frames.TcpV4(Client, 43001, Web, 443, TcpFlags.Ack, 131, records[30..]));
        Assert.Empty(_seen.Tls);
        Assert.Equal(1, engine.Errors.Get(DecodeLayer.Stream, (byte)StreamError.Gap));
        Assert.Equal(0, engine.Buffers.InUse);
    }

    [Fact]
    public void Http_keep_alive_requests_are_each_reported_and_bodies_skipped()
    {
        var first = Encoding.ASCII.GetBytes("POST /gate.php HTTP/1.1\r\nHost: update-sync-cdn.net\r\nContent-Length: 5\r\n\r\n");
        var body = Encoding.ASCII.GetBytes("hello");
        var second = Encoding.ASCII.GetBytes("GET /next HTTP/1.1\r\nHost: update-sync-cdn.net\r\nUser-Agent: x\r\n\r\n");
        var engine = Engine();
        Handshake(engine, 44000, Web, 80);
        uint seq = 101;
        foreach (var piece in new[] { first[..20], first[20..], body, second })
        {
            Feed(engine, Frames.TcpV4(Client, 44000, Web, 80, TcpFlags.Ack | TcpFlags.Psh, seq, piece));
            seq += (uint)piece.Length;
        }
        Assert.Equal(["POST update-sync-cdn.net/gate.php", "GET update-sync-cdn.net/next"], _seen.Http);
    }

    [Fact]
    public void Fragmented_dns_answer_is_reassembled_in_any_order()
    {
        var answer = DnsAnswer(9, "frag.example", 40);
        var udp = Frames.Udp(53, 45000, answer);
        var split = 8 * (udp.Length / 16);
        var head = Frames.Ethernet(0x0800, Frames.Ipv4(Resolver, Client, IpProtocols.Udp, udp[..split], flagsAndOffset: 0x2000));
        var tail = Frames.Ethernet(0x0800, Frames.Ipv4(Resolver, Client, IpProtocols.Udp, udp[split..], flagsAndOffset: (ushort)(split / 8)));
        var engine = Engine();
        Feed(engine, tail);
        Feed(engine, head);
        Assert.Equal(["R 9 frag.example an=40"], _seen.Dns);
        Assert.Equal(1, engine.Counters.Reassembled);
        Assert.Equal(2, engine.Counters.Fragments);
    }

    [Fact]
    public void A_first_fragment_too_short_for_the_tcp_header_is_still_reassembled()
    {
        var hello = new ClientHelloBuilder().Extension(0, ClientHelloBuilder.Sni("tiny.example"));
        hello.Ciphers.Add(0x1301);
        var records = hello.Records();
        var engine = Engine();
        Handshake(engine, 47000, Web, 443);
        var segment = Frames.Tcp(47000, 443, TcpFlags.Ack | TcpFlags.Psh, 101, 5001, records);
        Feed(engine, Frames.Ethernet(0x0800, Frames.Ipv4(Client, Web, IpProtocols.Tcp, segment[..16], flagsAndOffset: 0x2000)));
        Feed(engine, Frames.Ethernet(0x0800, Frames.Ipv4(Client, Web, IpProtocols.Tcp, segment[16..], flagsAndOffset: 2)));
        Assert.Equal(1, engine.Counters.Reassembled);
        Assert.Equal(["tiny.example"], _seen.Tls);
        Assert.Equal(0, engine.Errors.Total);
    }

    [Fact]
    public void Ipv6_fragments_with_destination_options_after_the_fragment_header()
    {
        var answer = DnsAnswer(11, "v6frag.example", 20);
        var udp = Frames.Udp(53, 45002, answer);
        byte[] options = [IpProtocols.Udp, 0, 1, 4, 0, 0, 0, 0]; // Destination Options, 8 bytes: PadN
        byte[] fragmentable = [.. options, .. udp];
        var split = 8 * (fragmentable.Length / 16);
        byte[] First(int offset, bool more, byte[] piece) =>
            Frames.Ethernet(EtherTypes.IPv6, Frames.Ipv6("2001:db8:53::53", "2001:db8:77::10", IpProtocols.Fragment,
                [IpProtocols.DestinationOptions, 0, (byte)(offset >> 8), (byte)((offset & 0xf8) | (more ? 1 : 0)), 0, 0, 0, 42, .. piece]));
        var engine = Engine();
        Feed(engine, First(0, true, fragmentable[..split]));
        Feed(engine, First(split, false, fragmentable[split..]));
        Assert.Equal(0, engine.Errors.Total);
        Assert.Equal(["R 11 v6frag.example an=20"], _seen.Dns);
    }

    [Fact]
    public void A_fragment_cut_by_the_snap_length_is_counted_not_held()
    {
        var udp = Frames.Udp(53, 45003, DnsAnswer(12, "cut.example", 10));
        var head = Frames.Ethernet(0x0800, Frames.Ipv4(Resolver, Client, IpProtocols.Udp, udp[..64], flagsAndOffset: 0x2000));
        var engine = Engine();
        Feed(engine, head[..60]);
        Assert.Equal(1, engine.Errors.Get(DecodeLayer.Ipv4, (byte)IpError.FragmentTruncated));
    }

    [Fact]
    public void Overlapping_fragments_with_different_bytes_drop_the_datagram()
    {
        var udp = Frames.Udp(53, 45001, DnsAnswer(10, "overlap.example", 4));
        var head = Frames.Ethernet(0x0800, Frames.Ipv4(Resolver, Client, IpProtocols.Udp, udp[..16], flagsAndOffset: 0x2000));
        var forged = (byte[])udp.Clone();
        forged[12] ^= 0xff;
        var overlap = Frames.Ethernet(0x0800, Frames.Ipv4(Resolver, Client, IpProtocols.Udp, forged[8..], flagsAndOffset: 1));
        var engine = Engine();
        Feed(engine, head);
        Feed(engine, overlap);
        Assert.Empty(_seen.Dns);
        Assert.Equal(1, engine.Errors.Get(DecodeLayer.Ipv4, (byte)IpError.FragmentOverlap));
    }

    [Fact]
    public void Malformed_dns_is_counted_by_reason_not_reported()
    {
        var engine = Engine();
        var message = DnsAnswer(3, "bad.example", 1);
        Feed(engine, Frames.UdpV4(Resolver, 53, Client, 40001, message[..^2]));
        Assert.Empty(_seen.Dns);
        Assert.Equal(1, engine.Errors.Total);
        Assert.Contains(engine.Errors.NonZero(), e => e.Key.StartsWith("dns.", StringComparison.Ordinal));
    }

    [Fact]
    public void Running_out_of_reassembly_buffers_is_counted_and_harmless()
    {
        var engine = Engine(new WatchOptions { StreamBuffers = 1 });
        var records = new ClientHelloBuilder().Extension(0, ClientHelloBuilder.Sni("x.example")).Records();
        for (ushort port = 46000; port < 46003; port++)
        {
            Handshake(engine, port, Web, 443);
            Feed(engine, Frames.TcpV4(Client, port, Web, 443, TcpFlags.Ack, 101, records[..8]));
        }
        Assert.Equal(2, engine.Errors.Get(DecodeLayer.Stream, (byte)StreamError.NoBuffer));
        engine.Finish();
        Assert.Equal(0, engine.Buffers.InUse);
    }

    [Fact]
    public void Non_ip_frames_are_counted_apart_from_errors()
    {
        var engine = Engine();
        Feed(engine, Frames.Ethernet(EtherTypes.Arp, new byte[28]));
        Assert.Equal(1, engine.Counters.NotIp);
        Assert.Equal(0, engine.Errors.Total);
    }

    [Fact]
    public void Decode_errors_are_named_by_layer_and_reason()
    {
        var engine = Engine();
        var frame = Frames.UdpV4(Client, 1, Resolver, 53, [1]);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14 + 2), 10);
        Feed(engine, frame);
        var (name, count) = Assert.Single(engine.Errors.NonZero());
        Assert.Equal("ipv4.bad_total_length", name);
        Assert.Equal(1, count);
    }
}

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

    private static byte[] Hello(string sni)
    {
        var hello = new ClientHelloBuilder().Extension(0, ClientHelloBuilder.Sni(sni));
        hello.Ciphers.AddRange([0x1301, 0x1302]);
        return hello.Records();
    }

    [Fact]
    public void A_hole_that_stays_open_is_counted_as_a_gap()
    {
        var records = Hello("lost.example");
        var engine = Engine();
        Handshake(engine, 43001, Web, 443);
        Feed(engine, Frames.TcpV4(Client, 43001, Web, 443, TcpFlags.Ack, 101, records[..10]));
        // The first segment past the hole is held for when it fills; eight more end the wait.
        for (var i = 0; i < 9; i++)
            Feed(engine, Frames.TcpV4(Client, 43001, Web, 443, TcpFlags.Ack, 131, records[30..]));
        Assert.Empty(_seen.Tls);
        Assert.Equal(1, engine.Errors.Get(DecodeLayer.Stream, (byte)StreamError.Gap));
        Assert.Equal(0, engine.Buffers.InUse);
    }

    [Fact]
    public void A_segment_from_the_future_does_not_blind_the_stream()
    {
        var records = Hello("real.example");
        var engine = Engine();
        Handshake(engine, 43002, Web, 443);
        Feed(engine, Frames.TcpV4(Client, 43002, Web, 443, TcpFlags.Ack, 101 + 100_000, [0x16]));
        Feed(engine, Frames.TcpV4(Client, 43002, Web, 443, TcpFlags.Ack, 101, records));
        Assert.Equal(["real.example"], _seen.Tls);
    }

    [Fact]
    public void A_hello_sent_second_half_first_is_reported_without_any_retransmission()
    {
        var records = Hello("reorder.example");
        var engine = Engine();
        Handshake(engine, 43003, Web, 443);
        Feed(engine, Frames.TcpV4(Client, 43003, Web, 443, TcpFlags.Ack, (uint)(101 + 20), records[20..]));
        Feed(engine, Frames.TcpV4(Client, 43003, Web, 443, TcpFlags.Ack, 101, records[..20]));
        Assert.Equal(["reorder.example"], _seen.Tls);
        Assert.Equal(0, engine.Buffers.InUse);
    }

    [Fact]
    public void A_decoy_syn_with_another_isn_does_not_move_the_stream()
    {
        var records = Hello("after-decoy.example");
        var engine = Engine();
        Feed(engine, Frames.TcpV4(Client, 43005, Web, 443, TcpFlags.Syn, 500_000));
        Handshake(engine, 43005, Web, 443);
        Feed(engine, Frames.TcpV4(Client, 43005, Web, 443, TcpFlags.Ack, 101, records));
        Assert.Equal(["after-decoy.example"], _seen.Tls);
    }

    [Fact]
    public void Ipv6_repeat_of_the_first_fragment_cannot_rename_the_protocol()
    {
        var udp = Frames.Udp(53, 45004, DnsAnswer(13, "rename.example", 20));
        var split = 8 * (udp.Length / 16);
        byte[] Piece(byte next, int offset, bool more, byte[] data) =>
            Frames.Ethernet(EtherTypes.IPv6, Frames.Ipv6("2001:db8:53::53", "2001:db8:77::10", IpProtocols.Fragment,
                [next, 0, (byte)(offset >> 8), (byte)((offset & 0xf8) | (more ? 1 : 0)), 0, 0, 0, 43, .. data]));
        var engine = Engine();
        Feed(engine, Piece(IpProtocols.Udp, 0, true, udp[..split]));
        Feed(engine, Piece(IpProtocols.Tcp, 0, true, udp[..split]));
        Feed(engine, Piece(IpProtocols.Udp, split, false, udp[split..]));
        Assert.Equal(["R 13 rename.example an=20"], _seen.Dns);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_first_segment_of_one_or_two_bytes_does_not_hide_the_hello(int split)
    {
        var records = Hello("split.example");
        var engine = Engine();
        Handshake(engine, 43004, Web, 443);
        Feed(engine, Frames.TcpV4(Client, 43004, Web, 443, TcpFlags.Ack, 101, records[..split]));
        Feed(engine, Frames.TcpV4(Client, 43004, Web, 443, TcpFlags.Ack, (uint)(101 + split), records[split..]));
        Assert.Equal(["split.example"], _seen.Tls);
    }

    [Fact]
    public void A_request_split_after_its_first_letter_is_still_seen()
    {
        var request = Encoding.ASCII.GetBytes("GET /a HTTP/1.1\r\nHost: split.example\r\n\r\n");
        var engine = Engine();
        Handshake(engine, 44001, Web, 80);
        Feed(engine, Frames.TcpV4(Client, 44001, Web, 80, TcpFlags.Ack, 101, request[..1]));
        Feed(engine, Frames.TcpV4(Client, 44001, Web, 80, TcpFlags.Ack, 102, request[1..]));
        Assert.Equal(["GET split.example/a"], _seen.Http);
    }

    private void SendClient(WatchEngine engine, ushort port, ushort serverPort, ref uint sequence, params byte[][] segments)
    {
        foreach (var segment in segments)
        {
            Feed(engine, Frames.TcpV4(Client, port, Web, serverPort, TcpFlags.Ack | TcpFlags.Psh, sequence, segment));
            sequence += (uint)segment.Length;
        }
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
        SendClient(engine, 44000, 80, ref seq, first[..20], first[20..], body, second);
        Assert.Equal(["POST update-sync-cdn.net/gate.php", "GET update-sync-cdn.net/next"], _seen.Http);
    }

    [Fact]
    public void A_head_sent_one_byte_at_a_time_is_reported_once()
    {
        var request = Encoding.ASCII.GetBytes("GET /slow HTTP/1.1\r\nHost: slow.example\r\nUser-Agent: drip\r\n\r\n");
        var engine = Engine();
        Handshake(engine, 44007, Web, 80);
        uint seq = 101;
        SendClient(engine, 44007, 80, ref seq, request.Select(b => new[] { b }).ToArray());
        Assert.Equal(["GET slow.example/slow"], _seen.Http);
        Assert.Equal(0, engine.Buffers.InUse);
    }

    [Fact]
    public void Pipelined_requests_in_one_segment_are_all_reported()
    {
        var pipelined = Encoding.ASCII.GetBytes(
            "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a.example\r\nContent-Length: 3\r\n\r\nabcGET /3 HTTP/1.1\r\nHost: a.example\r\n\r\n");
        var engine = Engine();
        Handshake(engine, 44002, Web, 80);
        uint seq = 101;
        SendClient(engine, 44002, 80, ref seq, pipelined);
        Assert.Equal(["GET a.example/1", "POST a.example/2", "GET a.example/3"], _seen.Http);
    }

    [Fact]
    public void A_body_that_looks_like_a_request_does_not_forge_an_event()
    {
        var head = Encoding.ASCII.GetBytes("POST /upload HTTP/1.1\r\nHost: real.example\r\nContent-Length: 48\r\n\r\n");
        var body = Encoding.ASCII.GetBytes("GET /x HTTP/1.1\r\nHost: forged.example\r\n\r\n".PadRight(48, 'x'));
        var engine = Engine();
        Handshake(engine, 44003, Web, 80);
        uint seq = 101;
        SendClient(engine, 44003, 80, ref seq, head, body);
        Assert.Equal(["POST real.example/upload"], _seen.Http);
    }

    [Fact]
    public void Any_transfer_encoding_makes_the_body_length_unknown()
    {
        var head = Encoding.ASCII.GetBytes("POST /te HTTP/1.1\r\nHost: te.example\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\nContent-Length: 0\r\n\r\nGET /hidden HTTP/1.1\r\nHost: forged.example\r\n\r\n");
        var engine = Engine();
        Handshake(engine, 44008, Web, 80);
        uint seq = 101;
        SendClient(engine, 44008, 80, ref seq, head);
        Assert.Equal(["POST te.example/te"], _seen.Http);
    }

    [Fact]
    public void A_large_segment_after_a_partial_head_is_taken_in_two_steps()
    {
        var request = Encoding.ASCII.GetBytes("POST /big HTTP/1.1\r\nHost: big.example\r\nContent-Length: 30000\r\n\r\n");
        byte[] rest = [.. request[20..], .. new byte[30000], .. Encoding.ASCII.GetBytes("GET /after HTTP/1.1\r\nHost: big.example\r\n\r\n")];
        var engine = Engine();
        Handshake(engine, 44004, Web, 80);
        uint seq = 101;
        SendClient(engine, 44004, 80, ref seq, request[..20], rest);
        Assert.Equal(["POST big.example/big", "GET big.example/after"], _seen.Http);
        Assert.Equal(0, engine.Errors.Total);
        Assert.Equal(0, engine.Buffers.InUse);
    }

    [Fact]
    public void After_a_chunked_body_a_new_request_is_found_at_a_segment_start()
    {
        var chunked = Encoding.ASCII.GetBytes("POST /c HTTP/1.1\r\nHost: c.example\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nGET /\r\n0\r\n\r\n");
        var next = Encoding.ASCII.GetBytes("GET /d HTTP/1.1\r\nHost: c.example\r\n\r\n");
        var engine = Engine();
        Handshake(engine, 44005, Web, 80);
        uint seq = 101;
        SendClient(engine, 44005, 80, ref seq, chunked, next);
        Assert.Equal(["POST c.example/c", "GET c.example/d"], _seen.Http);
    }

    [Fact]
    public void The_tls_inside_a_connect_tunnel_is_inspected()
    {
        var connect = Encoding.ASCII.GetBytes("CONNECT tunnel.example:443 HTTP/1.1\r\nHost: tunnel.example:443\r\n\r\n");
        var engine = Engine();
        Handshake(engine, 44006, Web, 3128);
        uint seq = 101;
        SendClient(engine, 44006, 3128, ref seq, connect, Hello("tunnel.example"));
        Assert.Equal(["CONNECT tunnel.example:443tunnel.example:443"], _seen.Http);
        Assert.Equal(["tunnel.example"], _seen.Tls);
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
    public void Idle_half_messages_cannot_starve_a_new_hello_of_a_buffer()
    {
        var engine = Engine(new WatchOptions { StreamBuffers = 4 });
        var partial = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\n");
        for (ushort port = 46000; port < 46004; port++)
        {
            Handshake(engine, port, Web, 80);
            Feed(engine, Frames.TcpV4(Client, port, Web, 80, TcpFlags.Ack, 101, partial));
        }
        var records = Hello("late.example");
        Handshake(engine, 46010, Web, 443);
        Feed(engine, Frames.TcpV4(Client, 46010, Web, 443, TcpFlags.Ack, 101, records[..40]));
        Feed(engine, Frames.TcpV4(Client, 46010, Web, 443, TcpFlags.Ack, 141, records[40..]));
        Assert.Equal(["late.example"], _seen.Tls);
        // The oldest idle holder lost its buffer, and says so when it speaks again.
        Feed(engine, Frames.TcpV4(Client, 46000, Web, 80, TcpFlags.Ack, (uint)(101 + partial.Length), Encoding.ASCII.GetBytes("Host: x\r\n\r\n")));
        Assert.Equal(1, engine.Errors.Get(DecodeLayer.Stream, (byte)StreamError.Reclaimed));
        engine.Finish();
        Assert.Equal(0, engine.Buffers.InUse);
    }

    [Fact]
    public void Dns_over_tcp_partial_frame_then_a_segment_with_many_frames()
    {
        var messages = Enumerable.Range(0, 300).Select(i => DnsAnswer((ushort)i, "many.example", 1)).ToArray();
        var stream = Framed(messages);
        var engine = Engine(new WatchOptions { StreamBufferSize = 1024 });
        Handshake(engine, 42001, Resolver, 53);
        Feed(engine, Frames.TcpV4(Resolver, 53, Client, 42001, TcpFlags.Ack, 5001, stream[..7]));
        Feed(engine, Frames.TcpV4(Resolver, 53, Client, 42001, TcpFlags.Ack, 5008, stream[7..]));
        Assert.Equal(300, _seen.Dns.Count);
        Assert.Equal(0, engine.Errors.Total);
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

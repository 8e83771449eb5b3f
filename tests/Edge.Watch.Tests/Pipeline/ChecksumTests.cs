using Edge.Watch.Decoding;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;
using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Tests.Tls;
using Edge.Watch.Transport;

namespace Edge.Watch.Tests.Pipeline;

public class ChecksumTests
{
    private const string Client = "10.77.0.11";
    private const string Web = "192.0.2.110";

    private static void Feed(WatchEngine engine, byte[] frame, ref long now) =>
        engine.Process(LinkType.Ethernet, now += 1000, frame, frame.Length);

    private static byte[] Hello(string sni)
    {
        var hello = new ClientHelloBuilder().Extension(0, ClientHelloBuilder.Sni(sni));
        hello.Ciphers.Add(0x1301);
        return hello.Records();
    }

    [Fact]
    public void The_corpus_was_captured_with_checksum_offload_and_auto_loses_nothing_to_it()
    {
        // The corpus was captured on the sending hosts' veth, where outgoing checksums are left to
        // the (virtual) NIC: tshark calls them bad too. Auto must notice and not drop a single message.
        var checking = new WatchEngine(new WatchOptions(), NullWatchObserver.Instance);
        var trusting = new WatchEngine(new WatchOptions { Checksums = ChecksumMode.Never }, NullWatchObserver.Instance);
        foreach (var scenario in new[] { "benign", "mixed" })
        {
            foreach (var frame in PcapFile.Read(Corpus.Pcap(scenario)))
            {
                checking.Process((LinkType)frame.LinkType, frame.TimestampMicros, frame.Data, frame.OriginalLength);
                trusting.Process((LinkType)frame.LinkType, frame.TimestampMicros, frame.Data, frame.OriginalLength);
            }
        }
        Assert.True(checking.Checksums.OffloadDetected);
        Assert.Equal(0, checking.Errors.Total);
        Assert.Equal(trusting.Counters.DnsMessages, checking.Counters.DnsMessages);
        Assert.Equal(trusting.Counters.TlsClientHellos, checking.Counters.TlsClientHellos);
        Assert.Equal(trusting.Counters.HttpRequests, checking.Counters.HttpRequests);
    }

    [Fact]
    public void The_bundled_sample_has_real_checksums_and_auto_enforces_them()
    {
        var frames = PcapFile.Read(FindSample());
        var engine = new WatchEngine(new WatchOptions { Checksums = ChecksumMode.Always }, NullWatchObserver.Instance);
        foreach (var frame in frames)
            engine.Process((LinkType)frame.LinkType, frame.TimestampMicros, frame.Data, frame.OriginalLength);
        Assert.True(engine.Checksums.Checked > 100);
        Assert.Equal(0, engine.Checksums.Bad);
    }

    private static string FindSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "edge-service", "Edge.Service", "Samples", "lan-sample.pcap");
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException("lan-sample.pcap not found above the test binaries");
    }

    [Fact]
    public void A_decoy_hello_with_a_bad_checksum_does_not_hide_the_real_one()
    {
        var seen = new RecordingObserver();
        var engine = new WatchEngine(new WatchOptions { Checksums = ChecksumMode.Always }, seen);
        long now = 0;
        Feed(engine, Frames.WithChecksums(Frames.TcpV4(Client, 50000, Web, 443, TcpFlags.Syn, 100)), ref now);
        Feed(engine, Frames.WithChecksums(Frames.TcpV4(Web, 443, Client, 50000, TcpFlags.Syn | TcpFlags.Ack, 900, acknowledgment: 101)), ref now);
        var decoy = Frames.WithChecksums(Frames.TcpV4(Client, 50000, Web, 443, TcpFlags.Ack, 101, Hello("www.google.com")));
        decoy[^1] ^= 0x55;
        Feed(engine, decoy, ref now);
        Feed(engine, Frames.WithChecksums(Frames.TcpV4(Client, 50000, Web, 443, TcpFlags.Ack, 101, Hello("c2.evil.example"))), ref now);
        Assert.Equal(["c2.evil.example"], seen.Tls);
        Assert.Equal(1, engine.Errors.Get(DecodeLayer.Tcp, (byte)TransportError.BadChecksum));
    }

    [Fact]
    public void A_decoy_first_fragment_with_a_bad_header_checksum_is_not_reassembled()
    {
        var seen = new RecordingObserver();
        var engine = new WatchEngine(new WatchOptions { Checksums = ChecksumMode.Always }, seen);
        long now = 0;
        byte[] Query(ushort id) => Frames.WithChecksums(Frames.UdpV4(Client, 40000, "192.0.2.53", 53,
            new Dns.WireBuilder().Header(id, flags: 0x0100).Question("real.example", 1).ToArray()));
        byte[] Piece(byte[] whole, bool first)
        {
            var ip = whole.AsSpan(14);
            var udp = ip[20..].ToArray();
            var piece = first ? udp[..16] : udp[16..];
            return Frames.WithIpChecksum(Frames.Ethernet(0x0800, Frames.Ipv4(Client, "192.0.2.53", 17, piece, flagsAndOffset: first ? (ushort)0x2000 : (ushort)2)));
        }
        var decoy = Piece(Query(666), first: true);
        decoy[14 + 10] ^= 0xff;
        Feed(engine, decoy, ref now);
        Feed(engine, Piece(Query(1), first: false), ref now);
        Feed(engine, Piece(Query(1), first: true), ref now);
        Assert.Equal(["Q 1 real.example an=0"], seen.Dns);
        Assert.Equal(1, engine.Errors.Get(DecodeLayer.Ipv4, (byte)Edge.Watch.Net.IpError.BadHeaderChecksum));
    }

    [Fact]
    public void Auto_stops_checking_a_capture_with_offloaded_checksums()
    {
        var seen = new RecordingObserver();
        var engine = new WatchEngine(new WatchOptions(), seen);
        long now = 0;
        var query = new Dns.WireBuilder().Header(1, flags: 0x0100).Question("offload.example", 1).ToArray();
        for (var i = 0; i < ChecksumPolicy.AutoSample + 10; i++)
            Feed(engine, Frames.UdpV4(Client, (ushort)(1024 + i), "192.0.2.53", 53, query), ref now);
        Assert.True(engine.Checksums.OffloadDetected);
        Assert.Equal(ChecksumPolicy.AutoSample + 10, seen.Dns.Count);
        Assert.Equal(0, engine.Errors.Total);
    }
}

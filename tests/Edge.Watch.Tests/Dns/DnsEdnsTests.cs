using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Xunit;

namespace Edge.Watch.Tests.Dns;

public class DnsEdnsTests
{
    private static WireBuilder Query(ushort ar = 1, ushort flags = 0x0100) =>
        new WireBuilder().Header(flags: flags, ar: ar).Question("example.com", 1);

    private static WireBuilder Opt(WireBuilder b, ushort udpSize, uint ttl, Action<WireBuilder>? options = null) =>
        b.Record(".", 41, ttl, options ?? (_ => { }), udpSize);

    [Fact]
    public void OPT_gives_udp_size_version_and_DO_bit()
    {
        var wire = Opt(Query(), 4096, 0x0000_8000, o => o.U16(8).U16(7).U16(1).U8(24).U8(0).Bytes([192, 0, 2])).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        Assert.True(m.HasEdns);
        Assert.Equal(4096, m.EdnsUdpSize);
        Assert.True(m.EdnsDnssecOk);
        Assert.Equal(0, m.EdnsVersion);
        Assert.Equal(0, m.Rcode);
    }

    [Fact]
    public void DO_bit_clear_and_version_read()
    {
        var wire = Opt(Query(), 1232, 0x0001_0000).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        Assert.False(m.EdnsDnssecOk);
        Assert.Equal(1, m.EdnsVersion);
        Assert.Equal(1232, m.EdnsUdpSize);
    }

    [Fact]
    public void Extended_rcode_combines_with_header_rcode()
    {
        // RFC 6891 §6.1.3: upper 8 bits in the OPT TTL, lower 4 in the header. 1<<4 | 0 = 16 BADVERS.
        var wire = Opt(Query(flags: 0x8180), 1232, 0x0100_0000).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        Assert.Equal(16, m.Rcode);
        Assert.Equal(0, m.HeaderRcode);
        Assert.Equal("BADVERS", DnsRcodeNames.Get(m.Rcode));

        wire = Opt(Query(flags: 0x8183), 1232, 0x0200_0000).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out m, out _));
        Assert.Equal((2 << 4) | 3, m.Rcode);
    }

    [Fact]
    public void No_OPT_means_no_EDNS_and_plain_rcode()
    {
        var wire = new WireBuilder().Header(flags: 0x8182).Question("example.com", 1).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        Assert.False(m.HasEdns);
        Assert.Equal(0, m.EdnsUdpSize);
        Assert.Equal(2, m.Rcode);
    }

    [Fact]
    public void OPT_is_enumerated_as_an_additional_record()
    {
        var wire = Opt(Query(), 512, 0).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        var count = 0;
        foreach (var r in m.Records)
        {
            Assert.Equal(41, r.Type);
            Assert.Equal(DnsSection.Additional, r.Section);
            Assert.Equal(512, r.Class);
            count++;
        }
        Assert.Equal(1, count);
    }

    [Fact]
    public void Second_OPT_is_BadOpt()
    {
        var wire = Opt(Opt(Query(ar: 2), 512, 0), 1232, 0).ToArray();
        Assert.Equal(ParseStatus.Malformed, DnsMessageReader.TryParse(wire, out _, out var error));
        Assert.Equal(DnsError.BadOpt, error);
    }

    [Fact]
    public void OPT_owner_other_than_root_is_BadOpt()
    {
        var wire = Query().Record("x", 41, 0, _ => { }, 512).ToArray();
        Assert.Equal(ParseStatus.Malformed, DnsMessageReader.TryParse(wire, out _, out var error));
        Assert.Equal(DnsError.BadOpt, error);
    }

    [Fact]
    public void OPT_option_overrunning_rdata_is_BadOpt()
    {
        var wire = Opt(Query(), 512, 0, o => o.U16(10).U16(8).Bytes([1, 2, 3])).ToArray();
        Assert.Equal(ParseStatus.Malformed, DnsMessageReader.TryParse(wire, out _, out var error));
        Assert.Equal(DnsError.BadOpt, error);
    }
}

using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Http;
using Edge.Watch.Link;
using Edge.Watch.Net;
using Edge.Watch.Tls;
using Edge.Watch.Transport;

namespace Edge.Watch.Tests.Decoding;

public class DecodeErrorCountersTests
{
    [Fact]
    public void Every_reason_enum_fits_the_counter_slots()
    {
        Assert.True(Enum.GetValues<LinkError>().Length <= 32);
        Assert.True(Enum.GetValues<IpError>().Length <= 32);
        Assert.True(Enum.GetValues<TransportError>().Length <= 32);
        Assert.True(Enum.GetValues<DnsError>().Length <= 32);
        Assert.True(Enum.GetValues<TlsError>().Length <= 32);
        Assert.True(Enum.GetValues<HttpError>().Length <= 32);
        Assert.True(Enum.GetValues<StreamError>().Length <= 32);
    }

    [Theory]
    [InlineData(DecodeLayer.Link, (byte)LinkError.TooManyVlanTags, "link.too_many_vlan_tags")]
    [InlineData(DecodeLayer.Ipv6, (byte)IpError.TooManyExtensionHeaders, "ipv6.too_many_extension_headers")]
    [InlineData(DecodeLayer.Udp, (byte)TransportError.BadLength, "udp.bad_length")]
    [InlineData(DecodeLayer.Dns, (byte)DnsError.BadPointer, "dns.bad_pointer")]
    [InlineData(DecodeLayer.Tls, (byte)TlsError.BadServerName, "tls.bad_server_name")]
    [InlineData(DecodeLayer.Http, (byte)HttpError.HeadTooLong, "http.head_too_long")]
    [InlineData(DecodeLayer.Stream, (byte)StreamError.Gap, "stream.gap")]
    public void Reasons_are_named_by_layer(DecodeLayer layer, byte reason, string expected)
    {
        Assert.Equal(expected, DecodeReasonNames.Describe(layer, reason));
    }

    [Fact]
    public void Counts_add_up_per_reason_and_in_total()
    {
        var counters = new DecodeErrorCounters();
        counters.Add(DecodeLayer.Dns, (byte)DnsError.BadPointer);
        counters.Add(DecodeLayer.Dns, (byte)DnsError.BadPointer);
        counters.Add(DecodeLayer.Tcp, (byte)TransportError.Truncated);
        Assert.Equal(3, counters.Total);
        Assert.Equal(2, counters.Get(DecodeLayer.Dns, (byte)DnsError.BadPointer));
        Assert.Equal(["dns.bad_pointer", "tcp.truncated"], counters.NonZero().Select(p => p.Key).Order(StringComparer.Ordinal));
    }
}

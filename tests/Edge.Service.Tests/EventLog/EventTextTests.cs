using Edge.Service.EventLog;
using Edge.Watch.Net;

namespace Edge.Service.Tests.EventLog;

public class EventTextTests
{
    [Fact]
    public void Timestamps_are_iso_8601_utc_with_microseconds()
    {
        Assert.Equal("2026-11-23T08:00:02.751917Z", EventText.Timestamp(1795420802_751917));
        Assert.Equal("1970-01-01T00:00:00.000000Z", EventText.Timestamp(0));
    }

    [Fact]
    public void A_time_outside_the_calendar_is_clamped_not_thrown()
    {
        Assert.Equal("9999-12-31T23:59:59.999999Z", EventText.Timestamp(long.MaxValue));
        Assert.Equal("1970-01-01T00:00:00.000000Z", EventText.Timestamp(-5));
    }

    [Fact]
    public void Wire_text_is_escaped_losslessly()
    {
        Assert.Equal("login.example", EventText.Wire("login.example"u8));
        Assert.Equal(@"bad\\name\228\000", EventText.Wire([.. "bad\\name"u8, 0xe4, 0]));
        Assert.NotEqual(EventText.Wire([0xe4]), EventText.Wire([0xe5]));
        Assert.Equal(4 * 5000, EventText.Wire(new byte[5000]).Length);
    }

    [Theory]
    [InlineData(IpProtocols.Tcp, "TCP")]
    [InlineData(IpProtocols.Udp, "UDP")]
    [InlineData(IpProtocols.Icmp, "ICMP")]
    [InlineData(IpProtocols.IcmpV6, "IPv6-ICMP")]
    [InlineData(132, "132")]
    public void Protocols_use_eve_names(byte protocol, string expected)
    {
        Assert.Equal(expected, EventText.Protocol(protocol));
    }

    [Fact]
    public void Addresses_are_canonical_text()
    {
        Assert.Equal("2001:db8:77::10", EventText.Address(IpAddr.Parse("2001:0db8:0077:0000:0000:0000:0000:0010")));
        Assert.Equal("10.77.0.10", EventText.Address(IpAddr.Parse("10.77.0.10")));
    }
}

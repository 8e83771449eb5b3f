using System.Net;
using System.Text;
using Edge.Watch.Net;

namespace Edge.Watch.Tests.Net;

public class IpAddrTests
{
    [Theory]
    [InlineData("10.77.0.10")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("2001:db8:77::10")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1:2:3:4")]
    [InlineData("::ffff:192.0.2.1")]
    public void Text_form_matches_system_net(string text)
    {
        var address = IpAddr.Parse(text);
        Assert.Equal(IPAddress.Parse(text).ToString(), address.ToString());
        Span<byte> utf8 = stackalloc byte[IpAddr.MaxTextLength];
        Assert.True(address.TryFormat(utf8, out var written));
        Assert.Equal(address.ToString(), Encoding.ASCII.GetString(utf8[..written]));
    }

    [Fact]
    public void Ipv4_and_its_mapped_ipv6_form_are_different_keys()
    {
        Assert.NotEqual(IpAddr.Parse("192.0.2.1"), IpAddr.Parse("::ffff:192.0.2.1"));
        Assert.Equal(IpAddr.Parse("192.0.2.1"), IpAddr.FromIPv4([192, 0, 2, 1]));
    }

    [Fact]
    public void Too_small_a_buffer_is_refused_not_overrun()
    {
        Span<byte> small = stackalloc byte[6];
        Assert.False(IpAddr.Parse("2001:db8:77::10").TryFormat(small, out _));
        Assert.False(IpAddr.Parse("192.0.2.123").TryFormat(small, out _));
    }
}

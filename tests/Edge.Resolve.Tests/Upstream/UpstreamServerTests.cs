using System.Net;
using Edge.Resolve.Upstream;

namespace Edge.Resolve.Tests.Upstream;

public sealed class UpstreamServerTests
{
    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", 53, UpstreamProtocol.Udp, null)]
    [InlineData(" 10.0.0.1:5353 ", "10.0.0.1", 5353, UpstreamProtocol.Udp, null)]
    [InlineData("udp://10.0.0.1:5300", "10.0.0.1", 5300, UpstreamProtocol.Udp, null)]
    [InlineData("fd00::1", "fd00::1", 53, UpstreamProtocol.Udp, null)]
    [InlineData("[fd00::1]:53", "fd00::1", 53, UpstreamProtocol.Udp, null)]
    [InlineData("[fd00::1]", "fd00::1", 53, UpstreamProtocol.Udp, null)]
    [InlineData("tls://10.0.0.1:853#dns.example", "10.0.0.1", 853, UpstreamProtocol.Tls, "dns.example")]
    [InlineData("tls://10.0.0.1#dns.example", "10.0.0.1", 853, UpstreamProtocol.Tls, "dns.example")]
    [InlineData("TLS://[2001:db8::53]:8853", "2001:db8::53", 8853, UpstreamProtocol.Tls, null)]
    public void Reads_the_forms_an_operator_writes(string text, string address, int port, UpstreamProtocol protocol, string? name)
    {
        Assert.True(UpstreamServer.TryParse(text, out var server, out var error), error);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(address), port), server!.Endpoint);
        Assert.Equal(protocol, server.Protocol);
        Assert.Equal(name, server.TlsServerName);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("dns.google", "not an IP address")]
    [InlineData("10.0.0.1:0", "not a port")]
    [InlineData("10.0.0.1:65536", "not a port")]
    [InlineData("10.0.0.1:dns", "not a port")]
    [InlineData("[fd00::1", "missing ']'")]
    [InlineData("[fd00::1]x", "unexpected")]
    [InlineData("https://10.0.0.1", "unknown scheme")]
    [InlineData("10.0.0.1#dns.example", "tls:// only")]
    [InlineData("tls://10.0.0.1#", "not a host name")]
    [InlineData("tls://10.0.0.1#bad name", "not a host name")]
    public void Says_what_is_wrong(string text, string reason)
    {
        Assert.False(UpstreamServer.TryParse(text, out var server, out var error));
        Assert.Null(server);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prints_back_what_it_read()
    {
        Assert.True(UpstreamServer.TryParse("tls://10.0.0.1#dns.example", out var server, out _));
        Assert.Equal("tls://10.0.0.1:853#dns.example", server!.ToString());
    }
}

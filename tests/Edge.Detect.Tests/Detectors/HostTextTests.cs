using System.Text;
using Edge.Detect.Detectors;
using Edge.Detect.Intel;

namespace Edge.Detect.Tests.Detectors;

public class HostTextTests
{
    [Theory]
    [InlineData("a.example:8080", "a.example")]
    [InlineData("a.example", "a.example")]
    [InlineData("[2001:db8::1]:443", "[2001:db8::1]:443")]
    public void Host_header_port_is_cut(string host, string expected)
    {
        Assert.Equal(expected, Encoding.ASCII.GetString(HostText.WithoutPort(Encoding.ASCII.GetBytes(host))));
    }

    [Theory]
    [InlineData("aaaa.bbbb.t.cdn-metrics-lab.net", "t.cdn-metrics-lab.net")]
    [InlineData("data.t.example.co.uk", "t.example.co.uk")]
    [InlineData("www.example.com", null)]
    [InlineData("example.com", null)]
    public void Tunnel_zone_is_one_label_under_the_registrable_domain(string name, string? zone)
    {
        var bytes = Encoding.ASCII.GetBytes(name);
        Assert.True(PublicSuffixList.Bundled.TryGetRegistrableDomain(bytes, out var start));
        var found = HostText.TryGetTunnelZone(bytes, start, out var span);
        Assert.Equal(zone is not null, found);
        if (zone is not null)
            Assert.Equal(zone, Encoding.ASCII.GetString(span));
    }
}

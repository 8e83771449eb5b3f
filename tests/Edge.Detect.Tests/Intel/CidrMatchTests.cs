using System.Text;
using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Intel;

public class CidrMatchTests
{
    private static readonly IntelList s_wide = new("feed", "botnet");
    private static readonly IntelList s_narrow = new("feed", "cnc");

    private static IntelSnapshot Build(params (string Cidr, IntelList List)[] entries)
    {
        var builder = new IntelSnapshotBuilder();
        foreach (var (cidr, list) in entries)
        {
            Assert.Equal(IntelLineError.None, CidrText.TryParse(Encoding.ASCII.GetBytes(cidr), out var network, out var length));
            Assert.True(builder.AddCidr(network, length, list));
        }
        return builder.Build();
    }

    [Theory]
    [InlineData("10.1.2.3", "cnc", 24)]
    [InlineData("10.9.9.9", "botnet", 8)]
    [InlineData("10.1.2.4", "cnc", 32)]
    [InlineData("2001:db8::1", "botnet", 32)]
    [InlineData("2001:db8:0:1::5", "cnc", 64)]
    [InlineData("::", "cnc", 0)]
    public void Longest_prefix_wins(string address, string category, int length)
    {
        var snapshot = Build(("10.0.0.0/8", s_wide), ("10.1.2.0/24", s_narrow), ("10.1.2.4", s_narrow),
            ("2001:db8::/32", s_wide), ("2001:db8:0:1::/64", s_narrow), ("::/0", s_narrow));

        Assert.True(snapshot.TryMatchAddress(IpAddr.Parse(address), out var match));
        Assert.Equal(category, match.List.Category);
        Assert.Equal(length, match.PrefixLength);
    }

    [Fact]
    public void Families_do_not_mix()
    {
        var snapshot = Build(("0.0.0.0/0", s_wide));

        Assert.True(snapshot.TryMatchAddress(IpAddr.Parse("192.0.2.1"), out _));
        Assert.False(snapshot.TryMatchAddress(IpAddr.Parse("::ffff:192.0.2.1"), out _));
        Assert.False(snapshot.TryMatchAddress(default, out _));
    }

    [Theory]
    [InlineData("10.0.0.0/33", IntelLineError.BadPrefixLength)]
    [InlineData("::/129", IntelLineError.BadPrefixLength)]
    [InlineData("10.0.0.1/8", IntelLineError.HostBitsSet)]
    [InlineData("10.1", IntelLineError.BadAddress)]
    [InlineData("256.0.0.0", IntelLineError.BadAddress)]
    [InlineData("1.2.3.4/", IntelLineError.BadPrefixLength)]
    [InlineData("fe80::1%eth0", IntelLineError.BadAddress)]
    [InlineData("198.51.100.30/31", IntelLineError.None)]
    [InlineData("2001:db8::/48", IntelLineError.None)]
    public void Cidr_text_is_strict(string text, IntelLineError expected)
    {
        Assert.Equal(expected, CidrText.TryParse(Encoding.ASCII.GetBytes(text), out _, out _));
    }

    [Fact]
    public void Lookups_allocate_nothing()
    {
        var snapshot = Build(("10.0.0.0/8", s_wide), ("2001:db8::/32", s_wide));
        var v4 = IpAddr.Parse("10.2.3.4");
        var v6 = IpAddr.Parse("2001:db9::1");
        snapshot.TryMatchAddress(v4, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            snapshot.TryMatchAddress(v4, out _);
            snapshot.TryMatchAddress(v6, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

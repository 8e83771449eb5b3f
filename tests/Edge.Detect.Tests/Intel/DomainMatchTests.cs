using System.Text;
using Edge.Detect.Intel;

namespace Edge.Detect.Tests.Intel;

public class DomainMatchTests
{
    private static readonly IntelList s_malware = new("feed", "malware");
    private static readonly IntelList s_benign = new("allow", "benign");

    private static IntelSnapshot Build(params (string Name, IntelList List)[] entries)
    {
        var builder = new IntelSnapshotBuilder();
        foreach (var (name, list) in entries)
            Assert.True(builder.AddDomain(Encoding.ASCII.GetBytes(name), list));
        return builder.Build();
    }

    [Theory]
    [InlineData("evil.com", true, 0)]
    [InlineData("a.evil.com", true, 2)]
    [InlineData("A.B.EVIL.COM.", true, 4)]
    [InlineData("notevil.com", false, 0)]
    [InlineData("evil.com.example", false, 0)]
    [InlineData("com", false, 0)]
    [InlineData("", false, 0)]
    [InlineData(".", false, 0)]
    public void Matches_suffixes_on_label_boundaries_only(string name, bool matches, int start)
    {
        var snapshot = Build(("evil.com", s_malware));

        Assert.Equal(matches, snapshot.TryMatchDomain(Encoding.ASCII.GetBytes(name), out var match));
        if (matches)
            Assert.Equal(start, match.Start);
    }

    [Fact]
    public void Most_specific_suffix_wins()
    {
        var snapshot = Build(("example.com", s_malware), ("good.example.com", s_benign));

        Assert.True(snapshot.TryMatchDomain("x.good.example.com"u8, out var match));
        Assert.Same(s_benign, match.List);
        Assert.Equal(2, match.Start);
        Assert.True(snapshot.TryMatchDomain("bad.example.com"u8, out match));
        Assert.Same(s_malware, match.List);
    }

    [Fact]
    public void First_list_keeps_a_name_added_twice()
    {
        var snapshot = Build(("Evil.com.", s_malware), ("evil.COM", s_benign));

        Assert.Equal(1, snapshot.DomainCount);
        Assert.Equal(1, snapshot.Duplicates);
        Assert.True(snapshot.TryMatchDomain("evil.com"u8, out var match));
        Assert.Same(s_malware, match.List);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("a.")]
    [InlineData("x y.com")]
    [InlineData("ví.vn")]
    public void Builder_refuses_malformed_names(string name)
    {
        Assert.False(new IntelSnapshotBuilder().AddDomain(Encoding.UTF8.GetBytes(name + "."), s_malware));
    }

    [Fact]
    public void Lookups_allocate_nothing()
    {
        var snapshot = Build(("evil.com", s_malware), ("example.org", s_benign));
        snapshot.TryMatchDomain("warm.evil.com"u8, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            snapshot.TryMatchDomain("a.b.c.evil.com"u8, out _);
            snapshot.TryMatchDomain("www.notlisted.net"u8, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

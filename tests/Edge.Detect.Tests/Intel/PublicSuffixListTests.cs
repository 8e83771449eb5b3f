using System.Text;
using Edge.Detect.Intel;

namespace Edge.Detect.Tests.Intel;

/// <summary>Cases in the style of the PSL's own tests.txt (checkPublicSuffix), against the
/// bundled list.</summary>
public class PublicSuffixListTests
{
    [Theory]
    [InlineData("COM", null)]
    [InlineData("example.COM", "example.COM")]
    [InlineData("WwW.example.COM", "example.COM")]
    [InlineData(".com", null)]
    [InlineData(".example.com", null)]
    [InlineData("a..example.com", null)]
    [InlineData("example", null)]
    [InlineData("example.example", "example.example")]
    [InlineData("a.b.example.example", "example.example")]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("co.uk", null)]
    [InlineData("example.com.", "example.com")]
    [InlineData("uk.com", null)]
    [InlineData("b.example.uk.com", "example.uk.com")]
    [InlineData("mm", null)]
    [InlineData("c.mm", null)]
    [InlineData("a.b.c.mm", "b.c.mm")]
    [InlineData("test.jp", "test.jp")]
    [InlineData("ac.jp", null)]
    [InlineData("www.test.ac.jp", "test.ac.jp")]
    [InlineData("kyoto.jp", null)]
    [InlineData("ide.kyoto.jp", null)]
    [InlineData("a.b.ide.kyoto.jp", "b.ide.kyoto.jp")]
    [InlineData("b.kawasaki.jp", null)]
    [InlineData("a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("x.a.b.kawasaki.jp", "a.b.kawasaki.jp")]
    [InlineData("city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("www.city.kawasaki.jp", "city.kawasaki.jp")]
    [InlineData("c.kobe.jp", null)]
    [InlineData("a.b.c.kobe.jp", "b.c.kobe.jp")]
    [InlineData("test.ck", null)]
    [InlineData("b.test.ck", "b.test.ck")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("www.www.ck", "www.ck")]
    [InlineData("k12.ak.us", null)]
    [InlineData("www.test.k12.ak.us", "test.k12.ak.us")]
    [InlineData("gov.vn", null)]
    [InlineData("dichvucong.gov.vn", "dichvucong.gov.vn")]
    [InlineData("www.dichvucong.gov.vn", "dichvucong.gov.vn")]
    [InlineData("dichvucong-gov.vn-xacminh.com", "vn-xacminh.com")]
    // IDN rules (written in Unicode in the list) match names in the form the wire carries:
    // 食狮.公司.cn is xn--85x722f.xn--55qx5d.cn.
    [InlineData("xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("www.xn--85x722f.xn--55qx5d.cn", "xn--85x722f.xn--55qx5d.cn")]
    [InlineData("XN--55QX5D.cn", null)]
    [InlineData("xn--55qx5d.cn", null)]
    [InlineData("shop.xn--55qx5d.xn--j6w193g", "shop.xn--55qx5d.xn--j6w193g")]
    [InlineData("xn--55qx5d.xn--j6w193g", null)]
    [InlineData("xn--85x722f.com.cn", "xn--85x722f.com.cn")]
    [InlineData("foo.blogspot.com", "foo.blogspot.com")]
    public void Registrable_domain(string name, string? expected)
    {
        var bytes = Encoding.UTF8.GetBytes(name);

        var found = PublicSuffixList.Bundled.TryGetRegistrableDomain(bytes, out var start);

        Assert.Equal(expected, found ? Encoding.UTF8.GetString(bytes.AsSpan(start)).TrimEnd('.') : null);
    }

    [Fact]
    public void Private_section_can_be_left_out()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream("Edge.Detect.Intel.Data.public_suffix_list.dat")!;
        var icann = PublicSuffixList.Parse(stream, includePrivate: false);

        Assert.True(icann.TryGetRegistrableDomain("foo.blogspot.com"u8, out var start));
        Assert.Equal(4, start);
        Assert.True(icann.RuleCount < PublicSuffixList.Bundled.RuleCount);
    }

    [Fact]
    public void Empty_and_overlong_rules_are_skipped_and_the_rest_still_works()
    {
        var text = "!\n*.\n" + new string('a', 1_000_000) + "\nexample\n*.example\n!www.example\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var list = PublicSuffixList.Parse(stream);

        Assert.Equal(2, list.RuleCount);
        Assert.True(list.TryGetRegistrableDomain("a.b.example"u8, out var start));
        Assert.Equal(0, start);
        Assert.True(list.TryGetRegistrableDomain("www.example"u8, out start));
        Assert.Equal(0, start);
    }

    [Fact]
    public void Lookups_allocate_nothing()
    {
        var list = PublicSuffixList.Bundled;
        // Warm the same loop first: the JIT's tier-up (on-stack replacement) inside the measured loop
        // is a one-off allocation of the runtime, not of the lookup.
        Lookups(list);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Lookups(list);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Lookups(PublicSuffixList list)
    {
        for (var i = 0; i < 1000; i++)
            list.TryGetRegistrableDomain("a.b.c.www.example.co.uk"u8, out _);
    }
}

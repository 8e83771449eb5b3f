using System.Text;
using Edge.Detect.Intel;
using Edge.Detect.Names;

namespace Edge.Detect.Tests.Intel;

public sealed class PublicSuffixSplitTests
{
    [Theory]
    [InlineData("dichvucong.gov.vn", "dichvucong", "gov.vn")]
    [InlineData("www.dichvucong.gov.vn.", "dichvucong", "gov.vn")]
    [InlineData("chinhphu.vn", "chinhphu", "vn")]
    [InlineData("Accounts.Google.COM", "Google", "COM")]
    [InlineData("a.b.example.unknowntld", "example", "unknowntld")]
    [InlineData("foo.bar.ck", "foo", "bar.ck")]
    [InlineData("www.ck", "www", "ck")]
    [InlineData("x.user.github.io", "user", "github.io")]
    public void Splits_at_the_public_suffix(string name, string label, string suffix)
    {
        var bytes = Encoding.ASCII.GetBytes(name);

        Assert.True(PublicSuffixList.Bundled.TrySplit(bytes, out var start, out var length, out var suffixStart));
        Assert.Equal(label, Encoding.ASCII.GetString(bytes, start, length));
        Assert.Equal(suffix, Encoding.ASCII.GetString(bytes[suffixStart..]).TrimEnd('.'));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("com")]
    [InlineData("gov.vn")]
    [InlineData("a..com")]
    [InlineData("bar.ck")]
    public void Refuses_suffixes_and_malformed_names(string name) =>
        Assert.False(PublicSuffixList.Bundled.TrySplit(Encoding.ASCII.GetBytes(name), out _, out _, out _));

    [Fact]
    public void Splitting_allocates_nothing()
    {
        var name = "www.dichvucong.gov.vn"u8.ToArray();
        PublicSuffixList.Bundled.TrySplit(name, out _, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
            PublicSuffixList.Bundled.TrySplit(name, out _, out _, out _);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

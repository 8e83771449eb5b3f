using Edge.Firmware.Versions;

namespace Edge.Firmware.Tests.Versions;

public sealed class SemVersionTests
{
    // The precedence example of SemVer 2.0.0 §11.4, plus build metadata being ignored.
    [Fact]
    public void Precedence_follows_semver_11()
    {
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"];
        for (var i = 0; i + 1 < ordered.Length; i++)
            Assert.True(SemVersion.Parse(ordered[i]) < SemVersion.Parse(ordered[i + 1]), $"{ordered[i]} < {ordered[i + 1]}");
        Assert.Equal(SemVersion.Parse("1.2.3+build.5"), SemVersion.Parse("1.2.3+other"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3+")]
    [InlineData("1.2.3-a..b")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.3 ")]
    [InlineData("99999999999999999999.0.0")]
    [InlineData("-1.0.0")]
    public void Not_a_version(string text) => Assert.False(SemVersion.TryParse(text, out _, out _));

    [Theory]
    [InlineData("0.0.0")]
    [InlineData("1.2.3-rc.1+sha.5114f85")]
    [InlineData("1.0.0-0A.is.legal")]
    public void A_version(string text) => Assert.True(SemVersion.TryParse(text, out _, out _));
}

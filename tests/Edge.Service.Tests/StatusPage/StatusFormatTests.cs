using Edge.Service.StatusPage;

namespace Edge.Service.Tests.StatusPage;

public sealed class StatusFormatTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1,023 B")]
    [InlineData(1024, "1.0 KiB")]
    [InlineData(1_572_864, "1.5 MiB")]
    [InlineData(9_876_543_210, "9.2 GiB")]
    [InlineData(5_000_000_000_000_000, "4547.5 TiB")]
    public void Bytes(long value, string shown) => Assert.Equal(shown, StatusFormat.OfBytes(value));

    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(59.9, "00:00:59")]
    [InlineData(3_723, "01:02:03")]
    [InlineData(86_399, "23:59:59")]
    [InlineData(86_400, "1d 00:00:00")]
    [InlineData(-5, "00:00:00")]
    public void Uptime(double seconds, string shown)
    {
        var started = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(shown, StatusFormat.OfUptime(started, started.AddSeconds(seconds)));
    }

    [Fact]
    public void Other_formats()
    {
        Assert.Equal("1,234,567", StatusFormat.OfCount(1_234_567));
        Assert.Equal("-12", StatusFormat.OfCount(-12));
        Assert.Equal("never", StatusFormat.OfTime(null));
        Assert.Equal("2026-11-25 09:00:00Z", StatusFormat.OfTime(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal("n/a", StatusFormat.OfCelsius(null));
        Assert.Equal("48.0 °C", StatusFormat.OfCelsius(48));
        Assert.Equal("–", StatusFormat.OfText(null));
        Assert.Equal("–", StatusFormat.OfText(""));
    }
}

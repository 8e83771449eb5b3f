using Edge.Cli.Broker;

namespace Edge.Cli.Tests.Broker;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("65s", 65)]
    [InlineData("1h30m", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("2d", 172800)]
    [InlineData("45", 45)]
    [InlineData("1.5m", 90)]
    [InlineData(" 10s ", 10)]
    public void People_write_durations_with_units(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("5x")]
    [InlineData("5 m")]
    [InlineData("-5s")]
    [InlineData("m5")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text) => Assert.False(DurationText.TryParse(text, out _));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(44.6, "45s")]
    [InlineData(65, "1m5s")]
    [InlineData(300, "5m")]
    [InlineData(725, "12m")]
    [InlineData(3600 + 300, "1h5m")]
    [InlineData(86400 * 3 + 3600 * 4, "3d4h")]
    [InlineData(-5, "0s")]
    public void Ages_are_short(double seconds, string text) => Assert.Equal(text, DurationText.Format(TimeSpan.FromSeconds(seconds)));
}

using Edge.Cli.Collect;

namespace Edge.Cli.Tests.Collect;

public sealed class RfcTimeTests
{
    [Theory]
    [InlineData("1970-01-01T00:00:00Z", 0)]
    [InlineData("1970-01-01T00:00:01.5Z", 1500)]
    [InlineData("2026-11-25T15:32:30.123456Z", 1795620750123)]
    [InlineData("2026-11-25T15:32:30.123456789Z", 1795620750123)]
    [InlineData("2024-02-29T00:00:00Z", 1709164800000)]
    [InlineData("1969-12-31T23:59:59Z", -1000)]
    public void Contract_timestamps_become_unix_milliseconds(string text, long expected)
    {
        Assert.True(RfcTime.TryParseUnixMs(text, out var ms));
        Assert.Equal(expected, ms);
        Assert.Equal(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), ms);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-11-25T15:32:30")]
    [InlineData("2026-11-25T15:32:30z")]
    [InlineData("2026-11-25 15:32:30Z")]
    [InlineData("2026-11-25T15:32:30+00:00")]
    [InlineData("2026-11-25T15:32:30.Z")]
    [InlineData("2026-11-25T15:32:30.1234567890Z")]
    [InlineData("2026-11-25T24:00:00Z")]
    [InlineData("2026-11-25T15:60:00Z")]
    [InlineData("2026-11-25T15:32:60Z")]
    [InlineData("2026-02-29T00:00:00Z")]
    [InlineData("2026-00-10T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("２026-11-25T15:32:30Z")]
    [InlineData("2026-11-25T15:32:3aZ")]
    [InlineData("+026-11-25T15:32:30Z")]
    public void Anything_else_is_refused(string? text) =>
        Assert.False(RfcTime.TryParseUnixMs(text, out _));
}

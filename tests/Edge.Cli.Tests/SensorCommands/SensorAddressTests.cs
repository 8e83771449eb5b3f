using Edge.Cli.SensorCommands;

namespace Edge.Cli.Tests.SensorCommands;

public sealed class SensorAddressTests
{
    [Theory]
    [InlineData("town-a/gw-1", true)]
    [InlineData("town-a/", false)]
    [InlineData("/gw-1", false)]
    [InlineData("town-a", false)]
    [InlineData("Town-A/gw-1", false)]
    [InlineData("town-a/gw-1/x", false)]
    [InlineData("", false)]
    public void Agency_slash_sensor_both_topic_ids(string text, bool valid)
    {
        Assert.Equal(valid, SensorAddress.TryParse(text, out var address));
        if (valid)
            Assert.Equal("edge/v1/town-a/gw-1/cmd-result", address!.Topics("edge/v1").CommandResult);
    }
}

using Edge.Cli.Collect;
using Edge.Uplink.Mqtt;

namespace Edge.Cli.Tests.Collect;

public sealed class CollectSettingsTests
{
    [Fact]
    public void The_default_client_id_is_stable_for_a_group_on_a_machine_and_safe_to_send()
    {
        Assert.Equal("edgectl-collect-incident-ops_box-1", CollectSettings.DefaultClientId("incident", "OPS_BOX 1"));
        Assert.Equal(CollectSettings.DefaultClientId("incident", "a"), CollectSettings.DefaultClientId("incident", "a"));
        Assert.NotEqual(CollectSettings.DefaultClientId("incident", "a"), CollectSettings.DefaultClientId("night", "a"));
    }

    [Theory]
    [InlineData(1, 1024)]
    [InlineData(1000, 4000)]
    [InlineData(10_000, 40_000)]
    [InlineData(20_000, 65_535)]
    public void The_receive_maximum_leaves_room_for_batches_filling_while_one_commits(int batch, int expected) =>
        Assert.Equal(expected, new CollectSettings { Broker = BrokerEndpoint.Parse("mqtt://h"), ClientId = "c", BatchSize = batch }.ReceiveMaximum);
}

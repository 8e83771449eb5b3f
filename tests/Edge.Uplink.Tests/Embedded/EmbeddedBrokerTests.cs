using Edge.Uplink.Embedded;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Uplink.Tests.Embedded;

public class EmbeddedBrokerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Client_publishes_subscriber_receives_on_a_free_loopback_port()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.StartsWith("mqtt://127.0.0.1:", broker.Url, StringComparison.Ordinal);
        await using var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "consumer", filters: "edge/v1/#");
        await using var publisher = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "producer");
        await publisher.PublishAsync("edge/v1/town-a/gw-1/alert/cnc", "hello");
        await Eventually.TrueAsync(() => subscriber.On("edge/v1/town-a/gw-1/alert/cnc").Any(m => m.Payload == "hello"), Wait, "message through the embedded broker");
    }

    [Fact]
    public async Task The_uplink_runs_against_it_birth_retained_outbox_delivered_heartbeat_and_commands()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var outbox = new InMemoryOutbox();
        var inbox = new RecordingInbox();
        var identity = Alerts.Identity();
        var options = new UplinkOptions { Broker = broker.Url, HeartbeatSeconds = 1, ReconnectMinSeconds = 0.1, ReconnectMaxSeconds = 1 };
        await using var uplink = new MqttUplink(options, identity, outbox, new ListLogger(output), commands: inbox);
        for (var i = 1; i <= 100; i++)
            outbox.Add(Alerts.Item(uplink.Topics.Alert("cnc"), i));
        uplink.Start();
        await Eventually.TrueAsync(() => uplink.Stats.Sent == 100, Wait, "100 alerts acknowledged");

        // Retained birth: a consumer that comes later still sees the sensor online.
        await using var late = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "late", filters: [uplink.Topics.Status, uplink.Topics.Heartbeat]);
        await Eventually.TrueAsync(() => late.On(uplink.Topics.Status).Any(), Wait, "retained status");
        var status = late.On(uplink.Topics.Status).First();
        Assert.True(status.Retain);
        Assert.Contains("\"state\":\"online\"", status.Payload, StringComparison.Ordinal);
        Assert.Contains("\"version\":\"1.0.0-test\"", status.Payload, StringComparison.Ordinal);
        Assert.Contains("\"intel_version\":\"intel-1\"", status.Payload, StringComparison.Ordinal);
        Assert.Contains("\"started\":", status.Payload, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => late.On(uplink.Topics.Heartbeat).Any(), Wait, "a heartbeat");
        Assert.Contains("\"uptime_seconds\":", late.On(uplink.Topics.Heartbeat).First().Payload, StringComparison.Ordinal);

        await late.PublishAsync(uplink.Topics.Command("led-test"), """{"id":"c1"}""");
        await Eventually.TrueAsync(() => !inbox.Commands.IsEmpty, Wait, "command handed to the inbox");
        Assert.Equal(("led-test", """{"id":"c1"}"""), inbox.Commands.First());

        await using var results = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "results", filters: uplink.Topics.CommandResult);
        uplink.CommandResults.Publish("c1", """{"id":"c1","ok":true}"""u8.ToArray());
        await Eventually.TrueAsync(() => results.On(uplink.Topics.CommandResult).Any(), Wait, "command result");

        await uplink.StopAsync();
        await Eventually.TrueAsync(() => late.On(uplink.Topics.Status).Any(m => m.Payload.Contains("offline", StringComparison.Ordinal)), Wait, "offline on clean stop");
    }
}

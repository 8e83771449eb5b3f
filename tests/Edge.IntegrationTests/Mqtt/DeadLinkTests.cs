using System.Diagnostics;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Tests.TestSupport;
using MQTTnet;

namespace Edge.IntegrationTests.Mqtt;

/// <summary>A broker that stops answering while its TCP connection stays open (SIGSTOP) is found
/// dead within two keep-alive periods; alerts wait in the outbox and go out after SIGCONT.</summary>
public class DeadLinkTests(ITestOutputHelper output)
{
    private const int KeepAlive = 2;

    [Fact]
    public async Task A_stopped_broker_is_found_dead_within_two_keep_alives_and_the_outbox_waits_for_it()
    {
        await using var broker = await MosquittoProcess.StartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "consumer", persistent: true, filters: "edge/v1/+/+/alert/#");
        subscriber.KeepConnected();
        var outbox = new InMemoryOutbox();
        var log = new ListLogger(output);
        var options = new UplinkOptions
        {
            Broker = broker.Url,
            KeepAliveSeconds = KeepAlive,
            ReconnectMinSeconds = 0.2,
            ReconnectMaxSeconds = 1,
            ConnectTimeoutSeconds = 2,
        };
        await using var uplink = new MqttUplink(options, Alerts.Identity(), outbox, log);
        var topic = uplink.Topics.Alert("botnet");
        for (var i = 1; i <= 100; i++)
            outbox.Add(Alerts.Item(topic, i));
        uplink.Start();
        await Eventually.TrueAsync(() => uplink.Stats.Sent == 100, TimeSpan.FromSeconds(20), "first 100 delivered");

        broker.Pause();
        var stopped = Stopwatch.StartNew();
        try
        {
            for (var i = 101; i <= 200; i++)
                outbox.Add(Alerts.Item(topic, i));
            uplink.NotifyOutbox();
            await Eventually.TrueAsync(() => !uplink.Stats.Connected, TimeSpan.FromSeconds(4 * KeepAlive), "dead link noticed");
            var detected = stopped.Elapsed;
            output.WriteLine($"dead link detected {detected.TotalSeconds:F2} s after SIGSTOP (keep-alive {KeepAlive} s); " +
                $"by the watchdog: {log.Contains("MQTT: broker silent for")}");
            Assert.True(detected < TimeSpan.FromSeconds(2 * KeepAlive), $"detected after {detected.TotalSeconds:F2} s");
            Assert.Equal(100, outbox.Stats.Depth);
            Assert.Equal(100, uplink.Stats.Sent);
        }
        finally
        {
            broker.Resume();
        }

        await Eventually.TrueAsync(() => outbox.Stats.Depth == 0, TimeSpan.FromSeconds(30), "the waiting 100 delivered after SIGCONT");
        await Eventually.TrueAsync(() => subscriber.Received.Select(r => r.Payload).Distinct().Count() >= 200, TimeSpan.FromSeconds(30), "consumer has all 200");
        var (_, missing) = Alerts.CheckOrderedOnce(subscriber.Received.Select(r => Alerts.NumberOf(r.Payload)), 200);
        Assert.Empty(missing);
    }

    /// <summary>What MQTTnet's own keep-alive does against a stopped broker, with nothing else
    /// running: it pings after a period without sending and drops the link when the PINGRESP does
    /// not come within half a period. (The uplink's watchdog does not depend on it: MQTTnet does
    /// not ping while the sensor keeps publishing.)</summary>
    [Fact]
    public async Task The_client_library_keep_alive_alone_also_notices_a_stopped_broker()
    {
        await using var broker = await MosquittoProcess.StartAsync();
        using var client = new MqttClientFactory().CreateMqttClient();
        var disconnected = new TaskCompletionSource<MqttClientDisconnectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.DisconnectedAsync += e =>
        {
            disconnected.TrySetResult(e);
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(KeepAlive)).WithTimeout(TimeSpan.FromSeconds(5)).Build(), TestContext.Current.CancellationToken);
        broker.Pause();
        var stopped = Stopwatch.StartNew();
        try
        {
            var e = await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(4 * KeepAlive), TestContext.Current.CancellationToken);
            output.WriteLine($"MQTTnet keep-alive: disconnected {stopped.Elapsed.TotalSeconds:F2} s after SIGSTOP ({e.Reason}: {e.Exception?.GetType().Name})");
            Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(2 * KeepAlive));
        }
        finally
        {
            broker.Resume();
        }
    }
}

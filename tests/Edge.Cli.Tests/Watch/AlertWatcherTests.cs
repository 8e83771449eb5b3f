using System.Buffers;
using System.Text;
using Edge.Cli.Broker;
using Edge.Cli.Watch;
using Edge.Uplink.Embedded;
using Edge.Uplink.Messages;
using Edge.Uplink.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Cli.Tests.Watch;

/// <summary>The watcher against an in-process broker on 127.0.0.1.</summary>
public sealed class AlertWatcherTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Matching_alerts_are_shown_others_passed_over_and_garbage_reported_until_cancelled()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: Cancel);
        var output = new RecordingOutput();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var watcher = new AlertWatcher(Options(broker.Port), "edge/v1", new AlertFilter { Categories = ["cnc", "mining"], MinSeverity = "high" }, output, TimeProvider.System);
        var running = watcher.RunAsync(stop.Token);
        using var sensor = await PublisherAsync(broker.Port);
        await WaitAsync(async () => await broker.ClientCountAsync() == 2, "the watcher connected");
        await Task.Delay(200, Cancel);

        await PublishAsync(sensor, "edge/v1/town-a/gw-1/alert/cnc", WatchFixtures.Payload(WatchFixtures.Alert(category: "cnc", severity: "critical")));
        await PublishAsync(sensor, "edge/v1/town-a/gw-1/alert/cnc", WatchFixtures.Payload(WatchFixtures.Alert(category: "cnc", severity: "medium")));
        await PublishAsync(sensor, "edge/v1/town-a/gw-1/alert/phishing", WatchFixtures.Payload(WatchFixtures.Alert(category: "phishing", severity: "critical")));
        await PublishAsync(sensor, "edge/v1/town-a/gw-1/alert/mining", Encoding.UTF8.GetBytes("not json"));
        await PublishAsync(sensor, "edge/v1/town-b/gw-7/alert/mining", WatchFixtures.Payload(WatchFixtures.Alert(category: "mining", agency: "town-b", sensor: "gw-7")));
        await WaitAsync(() => output.Alerts.Count == 2 && output.SkippedTopics.Count == 1, "two alerts and one unreadable message");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.Equal([("cnc", "critical"), ("mining", "high")], output.Alerts.Select(a => (a.Category, a.Severity)));
        Assert.Equal("edge/v1/town-a/gw-1/alert/mining", output.SkippedTopics[0]);
        Assert.True(output.Finished);
    }

    [Fact]
    public async Task A_broker_that_is_not_there_is_a_broker_exception_naming_it()
    {
        var port = FreePort();
        var watcher = new AlertWatcher(Options(port), "edge/v1", new AlertFilter(), new RecordingOutput(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<BrokerException>(() => watcher.RunAsync(Cancel));

        Assert.Contains($"mqtt://127.0.0.1:{port}: connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_connection_drops_the_watcher_connects_again_and_says_so()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: Cancel);
        var output = new RecordingOutput();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var running = new AlertWatcher(Options(broker.Port), "edge/v1", new AlertFilter(), output, TimeProvider.System).RunAsync(stop.Token);
        // Subscribed once an alert comes through. The broker counts a client before the client has read
        // its CONNACK, and a drop then fails the watcher's first connect, which is fatal by design.
        using (var early = await PublisherAsync(broker.Port))
        {
            await WaitAsync(async () =>
            {
                if (output.Alerts.Count == 0)
                {
                    await PublishAsync(early, "edge/v1/town-a/gw-1/alert/cnc", WatchFixtures.Payload(WatchFixtures.Alert()));
                    await Task.Delay(100, Cancel);
                }
                return output.Alerts.Count > 0;
            }, "the first alert (the watcher subscribed)");
        }

        await broker.DropConnectionsAsync();
        await WaitAsync(() => output.Notices.Any(n => n.StartsWith("connected again", StringComparison.Ordinal)),
            () => $"the watcher back; its notices: {string.Join(" | ", output.Notices)}; watcher {running.Status} {running.Exception?.InnerException?.Message}");
        using var sensor = await PublisherAsync(broker.Port);
        await PublishAsync(sensor, "edge/v1/town-a/gw-1/alert/mining", WatchFixtures.Payload(WatchFixtures.Alert(category: "mining")));
        await WaitAsync(() => output.Alerts.Any(alert => alert.Category == "mining"), "the alert after the reconnect");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.Contains(output.Notices, n => n.StartsWith("lost mqtt://127.0.0.1", StringComparison.Ordinal));
    }

    private static BrokerOptions Options(int port) => new(BrokerEndpoint.Parse($"mqtt://127.0.0.1:{port}")) { ConnectTimeout = TimeSpan.FromSeconds(5) };

    private static async Task<IMqttClient> PublisherAsync(int port)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("edge.town-a.gw-1").Build(), Cancel);
        return client;
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessage { Topic = topic, Payload = new ReadOnlySequence<byte>(payload), QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce }, Cancel);

    private static Task WaitAsync(Func<bool> condition, string what) => WaitAsync(() => Task.FromResult(condition()), () => what);

    private static Task WaitAsync(Func<bool> condition, Func<string> what) => WaitAsync(() => Task.FromResult(condition()), what);

    private static Task WaitAsync(Func<Task<bool>> condition, string what) => WaitAsync(condition, () => what);

    /// <summary>Polls without blocking a thread (the suite runs in parallel on a loaded machine).</summary>
    private static async Task WaitAsync(Func<Task<bool>> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail("timed out waiting for " + what());
            await Task.Delay(20, Cancel);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class RecordingOutput : IWatchOutput
    {
        private readonly Lock _lock = new();
        private readonly List<AlertMessage> _alerts = [];
        private readonly List<string> _unreadable = [];
        private readonly List<string> _notices = [];

        public List<AlertMessage> Alerts
        {
            get
            {
                lock (_lock)
                    return [.. _alerts];
            }
        }

        public List<string> SkippedTopics
        {
            get
            {
                lock (_lock)
                    return [.. _unreadable];
            }
        }

        public List<string> Notices
        {
            get
            {
                lock (_lock)
                    return [.. _notices];
            }
        }

        public bool Finished { get; private set; }

        public void Alert(AlertMessage alert, byte[] payload)
        {
            lock (_lock)
                _alerts.Add(alert);
        }

        public void Unreadable(string topic, string reason)
        {
            lock (_lock)
                _unreadable.Add(topic);
        }

        public void Notice(string text)
        {
            lock (_lock)
                _notices.Add(text);
        }

        public void Finish() => Finished = true;
    }
}

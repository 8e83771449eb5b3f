using System.Diagnostics;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Mqtt;

/// <summary>The outbox reaches a real mosquitto exactly once and in order (after dedupe by id), and
/// nothing is lost when the broker dies hard again and again in the middle of a stream.</summary>
public class UplinkDeliveryTests(ITestOutputHelper output)
{
    private static UplinkOptions Options(string url, string version = "5") => new()
    {
        Broker = url,
        ProtocolVersion = version,
        KeepAliveSeconds = 5,
        HeartbeatSeconds = 30,
        ReconnectMinSeconds = 0.05,
        ReconnectMaxSeconds = 0.5,
        MaxInFlight = 64,
    };

    [Theory]
    [InlineData("5")]
    [InlineData("3.1.1")]
    public async Task Ten_thousand_messages_arrive_once_and_in_order(string version)
    {
        const int count = 10_000;
        await using var broker = await MosquittoProcess.StartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "consumer", filters: "edge/v1/+/+/alert/#");
        var outbox = new InMemoryOutbox();
        var log = new ListLogger(output);
        await using var uplink = new MqttUplink(Options(broker.Url, version), Alerts.Identity(), outbox, log);
        for (var i = 1; i <= count; i++)
            outbox.Add(Alerts.Item(uplink.Topics.Alert("cnc"), i));
        var watch = Stopwatch.StartNew();
        uplink.Start();
        await Eventually.TrueAsync(() => uplink.Stats.Sent == count, TimeSpan.FromSeconds(60), $"{count} PUBACKs");
        output.WriteLine($"MQTT {version}: {count} messages acknowledged in {watch.Elapsed.TotalSeconds:F2} s ({count / watch.Elapsed.TotalSeconds:F0}/s)");
        await Eventually.TrueAsync(() => subscriber.Received.Count >= count, TimeSpan.FromSeconds(30), "subscriber got them all");

        var (duplicates, missing) = Alerts.CheckOrderedOnce(subscriber.Received.Select(r => Alerts.NumberOf(r.Payload)), count);
        Assert.Empty(missing);
        Assert.Equal(0, duplicates);
        Assert.Equal(0, outbox.Stats.Depth);
        Assert.Equal(0, uplink.Stats.Failed);
        Assert.Contains(log.Lines, l => l.Contains($"MQTT: connected to {broker.Url} as edge.town-a.gw-1 (MQTT {version}", StringComparison.Ordinal));
    }

    private static long WireMax(TestSubscriber subscriber) => subscriber.WireNumbers.IsEmpty ? 0 : subscriber.WireNumbers.Max();

    private static long OldestInOutbox(InMemoryOutbox outbox, long added) =>
        outbox.Read(0, 1) is [var oldest] ? oldest.Sequence : added + 1;

    private static IEnumerable<string> Ranges(long[] numbers)
    {
        for (var i = 0; i < numbers.Length;)
        {
            var j = i;
            while (j + 1 < numbers.Length && numbers[j + 1] == numbers[j] + 1)
                j++;
            yield return i == j ? $"{numbers[i]}" : $"{numbers[i]}-{numbers[j]}";
            i = j + 1;
        }
    }

    [Fact]
    public async Task Broker_killed_and_restarted_ten_times_during_a_stream_loses_nothing()
    {
        await using var broker = await MosquittoProcess.StartAsync(extraConfig: "persistence true\nautosave_interval 0");
        // The consumer's persistent session (its subscription) is saved once, so every restart of the
        // killed broker comes back knowing it and queues for it until it reconnects.
        await using var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "consumer", persistent: true, filters: "edge/v1/+/+/alert/#");
        subscriber.CountOnTheWire();
        await broker.SaveDatabaseAsync();
        subscriber.KeepConnected();

        var outbox = new InMemoryOutbox();
        await using var uplink = new MqttUplink(Options(broker.Url), Alerts.Identity(), outbox, new ListLogger(output));
        var topic = uplink.Topics.Alert("cnc");
        long added = 0;
        using var producing = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            while (!producing.IsCancellationRequested)
            {
                // Faster than one kill cycle drains: the window is full at every kill.
                for (var i = 0; i < 50; i++)
                    outbox.Add(Alerts.Item(topic, Interlocked.Increment(ref added)));
                uplink.NotifyOutbox();
                await Task.Delay(25, producing.Token);
            }
        }, TestContext.Current.CancellationToken);
        uplink.Start();

        for (var kill = 1; kill <= 10; kill++)
        {
            var sent = uplink.Stats.Sent;
            var connects = subscriber.Connects;
            await Eventually.TrueAsync(() => uplink.Stats.Sent > sent + 100 && subscriber.IsConnected, TimeSpan.FromSeconds(30), $"stream flowing before kill {kill}");
            // Kill when the consumer has everything the broker acknowledged so far. A killed mosquitto
            // loses what it acknowledged and had not yet written to the consumer (seen when the
            // consumer lags); that is the broker's loss, not the sensor's, and would hide the
            // sensor's. Messages in flight at the kill (sent, not acknowledged) are the sensor's
            // to send again.
            await Eventually.TrueAsync(() => WireMax(subscriber) >= OldestInOutbox(outbox, Interlocked.Read(ref added)) - 1,
                TimeSpan.FromSeconds(30), $"consumer caught up before kill {kill}");
            output.WriteLine($"kill {kill}: sent {uplink.Stats.Sent}, consumer at {WireMax(subscriber)}, outbox {outbox.Stats.Depth}");
            broker.KillHard();
            await Task.Delay(Random.Shared.Next(50, 300), TestContext.Current.CancellationToken);
            await broker.RestartAsync();
            await Eventually.TrueAsync(() => subscriber.Connects > connects && uplink.Stats.Connected, TimeSpan.FromSeconds(30), $"both back after kill {kill}");
        }

        await producing.CancelAsync();
        await producer.ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var total = Interlocked.Read(ref added);
        await Eventually.TrueAsync(() => outbox.Stats.Depth == 0, TimeSpan.FromSeconds(60), "outbox drained");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (subscriber.WireNumbers.Distinct().Count() < total && DateTime.UtcNow < deadline)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        var (duplicates, missing) = Alerts.CheckOrderedOnce(subscriber.WireNumbers, total);
        output.WriteLine($"missing {missing.Length}: {string.Join(", ", Ranges(missing))}");
        output.WriteLine($"{total} messages, 10 kills, reconnects {uplink.Stats.Reconnects}, duplicates (resent, deduped by id) {duplicates}");
        Assert.Empty(missing);
        Assert.True(uplink.Stats.Reconnects >= 10);
        Assert.Equal(0, uplink.Stats.Failed);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Mqtt;

/// <summary>The outbox reaches a real mosquitto exactly once and in order (after dedupe by id), and
/// nothing is lost when the broker dies hard again and again in the middle of a stream.</summary>
public partial class UplinkDeliveryTests(ITestOutputHelper output)
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
        await using var broker = await MosquittoProcess.StartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "consumer", countOnTheWire: true, filters: "edge/v1/+/+/alert/#");
        subscriber.KeepConnected();
        // The sensor reaches the broker through a gate that stays shut after each restart until the
        // consumer is back and subscribed, so the broker never queues for an absent consumer.
        await using var gate = new TcpProxy(broker.Port);
        var outbox = new InMemoryOutbox();
        await using var uplink = new MqttUplink(Options($"mqtt://127.0.0.1:{gate.Port}"), Alerts.Identity(), outbox, new ListLogger(output));
        long added = 0;
        using var producing = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            while (!producing.IsCancellationRequested)
            {
                // About 2,000 a second: the window is in use at every kill.
                for (var i = 0; i < 50; i++)
                {
                    // The number is in the topic too, so the broker's log names each message it got.
                    var n = Interlocked.Increment(ref added);
                    outbox.Add(Alerts.Item(uplink.Topics.Alert($"n{n}"), n));
                }

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
            // Kill when the consumer has what the broker acknowledged so far: a killed mosquitto
            // loses what it acknowledged and had not yet written to the consumer; that is the
            // broker's loss and would hide the sensor's. Messages in flight at the kill (sent, not
            // acknowledged) are the sensor's to send again.
            await Eventually.TrueAsync(() => WireMax(subscriber) >= OldestInOutbox(outbox, Interlocked.Read(ref added)) - 1,
                TimeSpan.FromSeconds(30), $"consumer caught up before kill {kill}");
            output.WriteLine($"kill {kill}: sent {uplink.Stats.Sent}, consumer at {WireMax(subscriber)}, outbox {outbox.Stats.Depth}");
            var reconnects = uplink.Stats.Reconnects;
            gate.RefuseNew = true;
            broker.KillHard();
            await Task.Delay(Random.Shared.Next(50, 300), TestContext.Current.CancellationToken);
            await broker.RestartAsync();
            await Eventually.TrueAsync(() => subscriber.Connects > connects, TimeSpan.FromSeconds(30), $"consumer back after kill {kill}");
            gate.RefuseNew = false;
            await Eventually.TrueAsync(() => uplink.Stats.Reconnects > reconnects, TimeSpan.FromSeconds(30), $"sensor back after kill {kill}");
        }

        await producing.CancelAsync();
        await producer.ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var total = Interlocked.Read(ref added);
        await Eventually.TrueAsync(() => outbox.Stats.Depth == 0, TimeSpan.FromSeconds(60), "outbox drained");

        // The sensor's guarantee: a message leaves the outbox only after a broker acknowledged it, so
        // every message reached a broker. The broker's log (one file over the eleven runs) names each
        // message it received, and in which run.
        var lastRun = new Dictionary<long, int>();
        var run = 0;
        foreach (var line in broker.Log.Split('\n'))
        {
            if (line.Contains(" starting", StringComparison.Ordinal) && line.Contains("mosquitto version", StringComparison.Ordinal))
                run++;
            else if (BrokerReceived().Match(line) is { Success: true } m)
                lastRun[long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = run;
        }

        Assert.Equal(11, run);
        var neverAtBroker = Enumerable.Range(1, (int)total).Where(n => !lastRun.ContainsKey(n)).ToArray();
        Assert.Empty(neverAtBroker);

        // What the consumer saw, in order after dedupe by id. A killed mosquitto loses what it had
        // acknowledged and still held for the consumer (beyond the consumer's in-flight window of
        // 20, between the last check and the kill): such a message was last received by a run that
        // was killed. Nothing may be missing that the final, living broker received.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (subscriber.WireNumbers.Distinct().Count() < total && DateTime.UtcNow < deadline)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        var (duplicates, missing) = Alerts.CheckOrderedOnce(subscriber.WireNumbers, total);
        output.WriteLine($"{total} messages, 10 kills, reconnects {uplink.Stats.Reconnects}, consumer connects {subscriber.Connects}, all at the broker; at the consumer: " +
            $"duplicates (resent, deduped by id) {duplicates}, lost by a killed broker {missing.Length}: {string.Join(", ", Ranges(missing))}");
        Assert.All(missing, n => Assert.True(lastRun[n] < run, $"message {n} was lost though the broker that received it last is still running"));
        Assert.True(missing.Length <= total / 100, $"the consumer missed {missing.Length} of {total}");
        Assert.True(uplink.Stats.Reconnects >= 10);
        Assert.Equal(0, uplink.Stats.Failed);
    }

    [GeneratedRegex(@"Received PUBLISH from edge\.town-a\.gw-1 \(d\d, q1, r0, m\d+, 'edge/v1/town-a/gw-1/alert/n(\d+)'")]
    private static partial Regex BrokerReceived();
}

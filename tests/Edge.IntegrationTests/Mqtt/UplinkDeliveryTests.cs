using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Mqtt;

/// <summary>The outbox reaches a real mosquitto exactly once and in order (after dedupe by id), and
/// nothing is lost, not even at the consumer, when the broker dies hard again and again in the
/// middle of a stream.</summary>
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
        // Persistence as deployed (deploy/mosquitto/mosquitto.conf): saved every 60 s and on a clean
        // stop. Each run here is killed within seconds, before any autosave, so every restart comes
        // back without the sensor's session, as a broker that crashed before saving it does.
        await using var broker = await MosquittoProcess.StartAsync(extraConfig: "persistence true\nautosave_interval 60");
        await using var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "consumer", countOnTheWire: true, filters: "edge/v1/+/+/alert/#");
        subscriber.KeepConnected();
        // The sensor reaches the broker through a gate that stays shut after each restart until the
        // consumer is back and subscribed, so the broker never queues for an absent consumer.
        await using var gate = new TcpProxy(broker.Port);
        // The real outbox (Full), keeping delivered messages 30 s: enough for the outage of a kill
        // here (under a second or two); the deployed default of 300 s only resends more.
        using var folder = new TempFolder();
        using var outbox = new SqliteOutbox(new OutboxOptions { Path = folder.File("outbox.db"), RedeliveryWindowSeconds = 30 });
        await using var uplink = new MqttUplink(Options($"mqtt://127.0.0.1:{gate.Port}"), Alerts.Identity(), outbox, new ListLogger(output));
        long added = 0;
        using var producing = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            while (!producing.IsCancellationRequested)
            {
                // About 2,000 a second: the window is in use at every kill.
                var batch = new OutboxItem[50];
                for (var i = 0; i < batch.Length; i++)
                {
                    // The number is in the topic too, so the broker's log names each message it got.
                    var n = Interlocked.Read(ref added) + i + 1;
                    batch[i] = Alerts.Item(uplink.Topics.Alert($"n{n}"), n);
                }

                outbox.AddRange(batch);
                Interlocked.Add(ref added, batch.Length);

                uplink.NotifyOutbox();
                await Task.Delay(25, producing.Token);
            }
        }, TestContext.Current.CancellationToken);
        uplink.Start();

        for (var kill = 1; kill <= 10; kill++)
        {
            var sent = uplink.Stats.Sent;
            var wire = WireMax(subscriber);
            var connects = subscriber.Connects;
            // New messages reach the consumer (not only ones sent again after the last kill). The
            // kill comes at any moment: what the broker acknowledged and had not yet handed on is
            // lost with it, and the sensor must send it again.
            await Eventually.TrueAsync(() => uplink.Stats.Sent > sent + 100 && WireMax(subscriber) > wire + 100 && subscriber.IsConnected,
                TimeSpan.FromSeconds(30), $"stream flowing before kill {kill}");
            output.WriteLine($"kill {kill}: sent {uplink.Stats.Sent}, consumer at {WireMax(subscriber)}, outbox {outbox.Stats.Depth}, kept {outbox.Stats.Kept}, sent again so far {uplink.Stats.Redelivered}");
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

        // What the consumer saw, after dedupe by id: everything. A killed broker loses what it had
        // acknowledged and not yet handed on, but it comes back without the sensor's session, so the
        // sensor sends again what it delivered within its redelivery window. (Not in order: a message
        // sent again arrives after later ones the broker did hand on before the kill.)
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (subscriber.WireNumbers.Where(n => n <= total).Distinct().Count() < total && DateTime.UtcNow < deadline)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        var seen = subscriber.WireNumbers.ToHashSet();
        var missing = Enumerable.Range(1, (int)total).Select(n => (long)n).Where(n => !seen.Contains(n)).ToArray();
        var stats = uplink.Stats;
        output.WriteLine($"{total} messages, 10 kills, reconnects {stats.Reconnects}, sessions lost {stats.SessionsLost}, sent again {stats.Redelivered}, " +
            $"consumer connects {subscriber.Connects}, all at the broker; at the consumer: {subscriber.WireNumbers.Count} received, missing {missing.Length}: {string.Join(", ", Ranges(missing))}");
        Assert.Empty(missing);
        Assert.True(stats.SessionsLost >= 10, $"sessions lost {stats.SessionsLost}");
        Assert.True(uplink.Stats.Reconnects >= 10);
        Assert.Equal(0, uplink.Stats.Failed);
    }

    [GeneratedRegex(@"Received PUBLISH from edge\.town-a\.gw-1 \(d\d, q1, r0, m\d+, 'edge/v1/town-a/gw-1/alert/n(\d+)'")]
    private static partial Regex BrokerReceived();
}

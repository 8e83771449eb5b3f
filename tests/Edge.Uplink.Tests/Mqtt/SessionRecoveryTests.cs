using Edge.Uplink.Embedded;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Uplink.Tests.Mqtt;

/// <summary>Kept messages are sent again exactly when the broker has lost the sensor's session.</summary>
public class SessionRecoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static InMemoryOutbox Delivered(int count)
    {
        var outbox = new InMemoryOutbox(TimeProvider.System, TimeSpan.FromMinutes(5));
        for (var i = 1; i <= count; i++)
            outbox.Add(new OutboxItem("edge/v1/a/s/alert/cnc", new byte[] { (byte)i }, OutboxPriority.High, $"id-{i}"));
        foreach (var record in outbox.Read(0, count))
            outbox.Delete(record.Sequence);
        return outbox;
    }

    [Fact]
    public void Redelivers_only_on_a_connect_without_the_session()
    {
        var outbox = Delivered(3);
        var counters = new UplinkCounters();
        var log = new ListLogger(output);
        var recovery = new SessionRecovery(outbox, counters, log);

        Assert.Equal(3, recovery.AfterConnect("mqtt://b:1883", sessionPresent: false));
        Assert.Equal(1, outbox.RedeliverCalls);
        Assert.Equal((1L, 3L), (counters.Snapshot().SessionsLost, counters.Snapshot().Redelivered));
        Assert.Contains(log.Lines, l => l.Contains("has no session for the sensor", StringComparison.Ordinal) && l.Contains("sending again 3", StringComparison.Ordinal));

        foreach (var record in outbox.Read(0, 10))
            outbox.Delete(record.Sequence);
        Assert.Equal(0, recovery.AfterConnect("mqtt://b:1883", sessionPresent: true));
        Assert.Equal(1, outbox.RedeliverCalls);
        Assert.Equal((0L, 3L), (outbox.Stats.Depth, outbox.Stats.Kept));

        Assert.Equal(3, recovery.AfterConnect("mqtt://b:1883", sessionPresent: false));
        Assert.Equal((2L, 6L), (counters.Snapshot().SessionsLost, counters.Snapshot().Redelivered));
    }

    [Fact]
    public void A_first_connect_without_a_session_and_nothing_kept_is_not_a_lost_session()
    {
        var outbox = new InMemoryOutbox(TimeProvider.System, TimeSpan.FromMinutes(5));
        var counters = new UplinkCounters();
        var recovery = new SessionRecovery(outbox, counters, new ListLogger(output));

        Assert.Equal(0, recovery.AfterConnect("mqtt://b:1883", sessionPresent: false));
        Assert.Equal(0L, counters.Snapshot().SessionsLost);
        // Once connected, a connect without the session is a loss even with nothing to send again.
        Assert.Equal(0, recovery.AfterConnect("mqtt://b:1883", sessionPresent: false));
        Assert.Equal(1L, counters.Snapshot().SessionsLost);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("3.1.1")]
    public async Task The_uplink_sends_again_after_a_broker_restart_but_not_after_a_dropped_connection(string version)
    {
        var broker = await EmbeddedBroker.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var port = broker.Port;
        try
        {
            var outbox = new InMemoryOutbox(TimeProvider.System, TimeSpan.FromMinutes(5));
            var options = new UplinkOptions { Broker = broker.Url, ProtocolVersion = version, ReconnectMinSeconds = 0.05, ReconnectMaxSeconds = 0.2 };
            var log = new ListLogger(output);
            await using var uplink = new MqttUplink(options, Alerts.Identity(), outbox, log);
            for (var i = 1; i <= 20; i++)
                outbox.Add(Alerts.Item(uplink.Topics.Alert("cnc"), i));
            uplink.Start();
            await Eventually.TrueAsync(() => uplink.Stats.Sent == 20, Wait, "20 acknowledged");
            // The first connect had no session (a new one): Redeliver found nothing kept, no loss counted.
            Assert.Equal((0L, 20L, 1, 0L), (outbox.Stats.Depth, outbox.Stats.Kept, outbox.RedeliverCalls, uplink.Stats.SessionsLost));

            // A dropped connection: the broker still has the session.
            await broker.DropConnectionsAsync();
            await Eventually.TrueAsync(() => uplink.Stats.Reconnects == 1 && uplink.Stats.Connected, Wait, "reconnected");
            Assert.Equal((0L, 0L, 20L), (uplink.Stats.SessionsLost, uplink.Stats.Redelivered, uplink.Stats.Sent));
            Assert.Equal(1, outbox.RedeliverCalls);

            // The broker restarts with nothing: the session is gone, the kept messages go out again.
            await broker.DisposeAsync();
            broker = await EmbeddedBroker.StartAsync(port, TestContext.Current.CancellationToken);
            await Eventually.TrueAsync(() => uplink.Stats.SessionsLost == 1 && uplink.Stats.Sent == 40, Wait, "redelivered");
            Assert.Equal(20L, uplink.Stats.Redelivered);
            Assert.Equal(2, outbox.RedeliverCalls);
            Assert.Contains(log.Lines, l => l.Contains("sending again 20 delivered message(s)", StringComparison.Ordinal));
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }
}

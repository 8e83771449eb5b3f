using System.Collections.Concurrent;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;
using MQTTnet;

namespace Edge.Uplink.Tests.Mqtt;

public class PublishPumpTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static InMemoryOutbox Outbox(int count)
    {
        var outbox = new InMemoryOutbox();
        for (var i = 1; i <= count; i++)
            outbox.Add(new OutboxItem($"edge/v1/a/s/alert/cnc", new byte[] { (byte)i }, OutboxPriority.High, $"id-{i}"));
        return outbox;
    }

    private static MqttClientPublishResult Ack(MqttClientPublishReasonCode code = MqttClientPublishReasonCode.Success) =>
        new(1, code, code == MqttClientPublishReasonCode.Success ? "" : "refused by test", []);

    /// <summary>A broker stand-in: every publish waits until the test acknowledges it.</summary>
    private sealed class HeldBroker
    {
        public ConcurrentQueue<(OutboxRecord Record, TaskCompletionSource<MqttClientPublishResult> Ack)> Pending { get; } = new();

        public List<long> Order { get; } = [];

        public Task<MqttClientPublishResult> Publish(OutboxRecord record, CancellationToken token)
        {
            var ack = new TaskCompletionSource<MqttClientPublishResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            token.Register(() => ack.TrySetCanceled());
            lock (Order)
                Order.Add(record.Sequence);
            Pending.Enqueue((record, ack));
            return ack.Task;
        }
    }

    [Fact]
    public async Task Keeps_at_most_the_window_in_flight_and_deletes_only_after_the_puback()
    {
        var outbox = Outbox(10);
        var counters = new UplinkCounters();
        var pump = new PublishPump(outbox, counters, new ListLogger(), TimeProvider.System, TimeSpan.FromMilliseconds(20));
        var broker = new HeldBroker();
        using var lost = new CancellationTokenSource();
        var run = pump.RunAsync(broker.Publish, 3, null, lost.Token);

        await Eventually.TrueAsync(() => broker.Pending.Count == 3, Wait, "three in flight");
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(3, broker.Pending.Count);
        Assert.Equal(10, outbox.Stats.Depth);

        Assert.True(broker.Pending.TryDequeue(out var first));
        first.Ack.SetResult(Ack());
        await Eventually.TrueAsync(() => outbox.Stats.Depth == 9 && broker.Pending.Count == 3, Wait, "first deleted, fourth sent");
        Assert.False(outbox.Contains(first.Record.Sequence));

        while (counters.Snapshot().Sent < 10)
        {
            if (broker.Pending.TryDequeue(out var next))
                next.Ack.SetResult(Ack());
            else
                await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), broker.Order);
        Assert.Equal(0, outbox.Stats.Depth);
        await lost.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Wait, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_refusal_that_may_pass_is_counted_logged_and_the_message_kept_for_the_next_connection()
    {
        var outbox = Outbox(3);
        var counters = new UplinkCounters();
        var log = new ListLogger();
        var pump = new PublishPump(outbox, counters, log, TimeProvider.System, TimeSpan.FromMilliseconds(20));
        using var lost = new CancellationTokenSource();
        var run = pump.RunAsync((r, _) => Task.FromResult(Ack(r.Sequence == 2 ? MqttClientPublishReasonCode.NotAuthorized : MqttClientPublishReasonCode.Success)),
            8, null, lost.Token);
        await Eventually.TrueAsync(() => counters.Snapshot() is { Sent: 2, Failed: 1 }, Wait, "two sent, one refused");
        var stats = counters.Snapshot();
        Assert.Equal(1, outbox.Stats.Depth);
        Assert.Equal(2, outbox.Read(0, 10).Single().Sequence);
        Assert.Contains("NotAuthorized", stats.LastError, StringComparison.Ordinal);
        Assert.True(log.Contains("broker refused message 2 on edge/v1/a/s/alert/cnc (id id-2): NotAuthorized"), string.Join("\n", log.Lines));
        Assert.True(log.Contains("kept in the outbox"), string.Join("\n", log.Lines));
        await lost.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Wait, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_refusal_no_retry_can_change_removes_the_message_and_counts_it()
    {
        var outbox = Outbox(3);
        var counters = new UplinkCounters();
        var pump = new PublishPump(outbox, counters, new ListLogger(), TimeProvider.System, TimeSpan.FromMilliseconds(20));
        using var lost = new CancellationTokenSource();
        var run = pump.RunAsync((r, _) => Task.FromResult(Ack(r.Sequence == 2 ? MqttClientPublishReasonCode.TopicNameInvalid : MqttClientPublishReasonCode.Success)),
            8, null, lost.Token);
        await Eventually.TrueAsync(() => outbox.Stats.Depth == 0, Wait, "outbox emptied");
        Assert.True(counters.Snapshot() is { Sent: 2, Failed: 1 });
        await lost.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Wait, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task After_a_lost_connection_the_unacknowledged_messages_are_sent_again_from_the_oldest()
    {
        var outbox = Outbox(6);
        var counters = new UplinkCounters();
        var pump = new PublishPump(outbox, counters, new ListLogger(), TimeProvider.System, TimeSpan.FromMilliseconds(20));
        var broker = new HeldBroker();
        using (var lost = new CancellationTokenSource())
        {
            var run = pump.RunAsync(broker.Publish, 4, null, lost.Token);
            await Eventually.TrueAsync(() => broker.Pending.Count == 4, Wait, "four in flight");
            // Only message 2 is acknowledged before the link goes.
            var pending = broker.Pending.ToArray();
            pending[1].Ack.SetResult(Ack());
            await Eventually.TrueAsync(() => counters.Snapshot().Sent == 1, Wait, "one acknowledged");
            await lost.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Wait, TestContext.Current.CancellationToken));
        }

        Assert.Equal(5, outbox.Stats.Depth);
        var again = new List<long>();
        using var second = new CancellationTokenSource();
        var rerun = pump.RunAsync((r, _) =>
        {
            lock (again)
                again.Add(r.Sequence);
            return Task.FromResult(Ack());
        }, 4, null, second.Token);
        await Eventually.TrueAsync(() => outbox.Stats.Depth == 0, Wait, "outbox emptied after reconnect");
        Assert.Equal([1, 3, 4, 5, 6], again);
        await second.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rerun.WaitAsync(Wait, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_message_mqtt_cannot_carry_is_failed_not_retried_forever()
    {
        var outbox = new InMemoryOutbox();
        outbox.Add(new OutboxItem("edge/v1/a/s/alert/+", new byte[] { 1 }, OutboxPriority.Low));
        outbox.Add(new OutboxItem("edge/v1/a/s/alert/cnc", new byte[] { 2 }, OutboxPriority.Low));
        var counters = new UplinkCounters();
        var pump = new PublishPump(outbox, counters, new ListLogger(), TimeProvider.System, TimeSpan.FromMilliseconds(20));
        using var lost = new CancellationTokenSource();
        var run = pump.RunAsync((r, _) => r.Topic.Contains('+', StringComparison.Ordinal)
            ? throw new ArgumentException("wildcards are not allowed in a topic")
            : Task.FromResult(Ack()), 4, null, lost.Token);
        await Eventually.TrueAsync(() => outbox.Stats.Depth == 0, Wait, "outbox emptied");
        Assert.Equal((1, 1), (counters.Snapshot().Sent, counters.Snapshot().Failed));
        await lost.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Wait, TestContext.Current.CancellationToken));
    }
}

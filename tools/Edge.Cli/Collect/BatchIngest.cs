using System.Threading.Channels;
using Edge.Cli.Store;
using Edge.Uplink.Mqtt;

namespace Edge.Cli.Collect;

/// <summary>Turns received messages into store commits: up to <c>batchSize</c> messages in one
/// transaction, committed when the batch is full, when no message has come for <see cref="IdleGap"/>,
/// or at the latest <c>flushAfter</c> after its first; then, and only then, their acknowledgements,
/// in the order they arrived (MQTT 5 §4.6). The idle gap matters: a broker sends at most its window
/// of unacknowledged messages (our Receive Maximum, or less: EMQX's max_inflight, RabbitMQ's
/// prefetch, a mosquitto 2.0.11 whose quota went wrong) and then waits for acknowledgements that a
/// batch waiting to fill would never send. A commit that fails is tried again with backoff and
/// acknowledges nothing meanwhile: the broker keeps the messages.</summary>
public sealed class BatchIngest
{
    private readonly Channel<Delivery> _channel;
    private readonly IBatchStore _store;
    private readonly int _batchSize;
    private readonly TimeSpan _flushAfter;
    private readonly TimeSpan _idleGap;
    private readonly TimeProvider _time;
    private readonly CollectCounters _counters;
    private readonly CollectLog _log;
    private readonly ReconnectBackoff _retry;

    /// <summary>A pause in the arrivals this long commits the batch (default of <c>idleGap</c>).</summary>
    public static readonly TimeSpan IdleGap = TimeSpan.FromMilliseconds(5);

    /// <param name="capacity">Messages held before the receiver waits (at least the broker's in-flight window).</param>
    public BatchIngest(IBatchStore store, int batchSize, TimeSpan flushAfter, int capacity, TimeProvider time,
        CollectCounters counters, CollectLog log, ReconnectBackoff? retry = null, TimeSpan? idleGap = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(flushAfter, TimeSpan.Zero);
        _store = store;
        _batchSize = batchSize;
        _flushAfter = flushAfter;
        _idleGap = idleGap ?? IdleGap;
        _time = time;
        _counters = counters;
        _log = log;
        _retry = retry ?? new ReconnectBackoff(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(30));
        _channel = Channel.CreateBounded<Delivery>(new BoundedChannelOptions(Math.Max(capacity, batchSize))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ChannelWriter<Delivery> Writer => _channel.Writer;

    /// <summary>Runs until <see cref="Writer"/> is completed and all it held is committed and
    /// acknowledged (true), or until <paramref name="abandon"/> stops a commit that keeps failing
    /// (false: what was not committed stays unacknowledged with the broker).</summary>
    public async Task<bool> RunAsync(CancellationToken abandon)
    {
        var reader = _channel.Reader;
        var batch = new IncomingBatch();
        var acks = new List<IDeliveryAck>(_batchSize);
        try
        {
            while (await reader.WaitToReadAsync(abandon).ConfigureAwait(false))
            {
                var started = _time.GetTimestamp();
                while (acks.Count < _batchSize)
                {
                    if (reader.TryRead(out var delivery))
                    {
                        delivery.Message.AddTo(batch);
                        acks.Add(delivery.Ack);
                        continue;
                    }
                    var left = _flushAfter - _time.GetElapsedTime(started);
                    if (left <= TimeSpan.Zero || !await WaitForMoreAsync(reader, left < _idleGap ? left : _idleGap, abandon).ConfigureAwait(false))
                        break;
                }
                await CommitAsync(batch, abandon).ConfigureAwait(false);
                await AcknowledgeAsync(acks).ConfigureAwait(false);
                batch.Clear();
                acks.Clear();
            }
            return true;
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            if (acks.Count > 0)
                _log.Line($"store: gave up on {acks.Count} uncommitted message(s) at shutdown; not acknowledged, the broker delivers them again");
            return false;
        }
    }

    /// <summary>True when more messages can be read; false when the wait ran out or the writer is done.</summary>
    private async Task<bool> WaitForMoreAsync(ChannelReader<Delivery> reader, TimeSpan wait, CancellationToken abandon)
    {
        using var timeout = new CancellationTokenSource(wait, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, abandon);
        try
        {
            return await reader.WaitToReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!abandon.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task CommitAsync(IncomingBatch batch, CancellationToken abandon)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = _store.Write(batch);
                _counters.Committed(result);
                if (attempt > 0)
                    _log.Line($"store: commit succeeded after {attempt} failure(s)");
                return;
            }
#pragma warning disable CA1031 // Any failure to commit (database gone, locked, disk full) is retried; nothing is acknowledged meanwhile.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _counters.StoreFailed();
                var wait = _retry.Delay(attempt);
                _log.Line($"store: commit of {batch.Count} message(s) failed ({e.GetType().Name}: {e.Message}); " +
                    $"nothing acknowledged, the broker keeps them; retry {attempt + 1} in {wait.TotalSeconds:F1} s");
                await Task.Delay(wait, _time, abandon).ConfigureAwait(false);
            }
        }
    }

    private async Task AcknowledgeAsync(List<IDeliveryAck> acks)
    {
        foreach (var ack in acks)
        {
            if (!await ack.AcknowledgeAsync(CancellationToken.None).ConfigureAwait(false))
                _counters.NotAcknowledged();
        }
    }
}

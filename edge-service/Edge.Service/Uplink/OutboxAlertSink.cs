using System.Threading.Channels;
using Edge.Detect.Alerts;
using Edge.Uplink.Outbox;

namespace Edge.Service.Uplink;

/// <summary>Puts the pipeline's alerts into the durable outbox. The capture thread only maps and
/// queues; one writer commits what has queued in a single transaction (group commit, so a burst
/// costs one fsync, not one per alert) and only then counts the alerts as raised and wakes the
/// uplink. When the disk falls so far behind that the queue is full, the capture thread waits:
/// an alert is worth more than the packets the kernel drops (and counts) meanwhile.</summary>
public sealed class OutboxAlertSink : IAlertSink, IDisposable
{
    private const int BatchLimit = 512;

    private readonly AlertMessageMapper _mapper;
    private readonly IOutbox _outbox;
    private readonly Action _stored;
    private readonly Channel<OutboxItem> _queue;
    private readonly Task _writer;
    private long _queued;
    private long _raised;
    private long _refused;
    private long _dropped;
    private long _batches;
    private string? _lastError;
    private string? _failing;

    public OutboxAlertSink(AlertMessageMapper mapper, IOutbox outbox, Action? stored = null, int queueCapacity = 16_384)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queueCapacity, 1);
        _mapper = mapper;
        _outbox = outbox;
        _stored = stored ?? (() => { });
        _queue = Channel.CreateBounded<OutboxItem>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Alerts (and count updates) handed over by the pipeline.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Alerts on disk in the outbox: from here on they survive a crash or power cut.</summary>
    public long Raised => Interlocked.Read(ref _raised);

    /// <summary>Alerts the full outbox refused (it held only higher ones).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Older, lower alerts the outbox gave up to make room.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Batches => Interlocked.Read(ref _batches);

    public string? LastError => Volatile.Read(ref _lastError);

    /// <summary>Why the writer cannot store alerts right now (it keeps retrying), or null once a
    /// batch has gone in again.</summary>
    public string? Failing => Volatile.Read(ref _failing);

    public void Raise(Alert alert)
    {
        var item = _mapper.ToOutboxItem(alert);
        Interlocked.Increment(ref _queued);
        if (_queue.Writer.TryWrite(item))
            return;
        try
        {
            _queue.Writer.WriteAsync(item).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            // Raised after shutdown began: refused and counted, never thrown at the capture thread.
            Interlocked.Increment(ref _refused);
        }
    }

    /// <summary>Commits one alert on the caller's thread, beside the queue, and says whether it is on
    /// disk: for the rare alert whose sender records that it was reported (a firmware rollback). A
    /// refusal (counted) or a failing disk returns false and says why; the sender tries again later.</summary>
    public bool Store(Alert alert, out string? why)
    {
        why = null;
        var item = _mapper.ToOutboxItem(alert);
        // Queued before and settled after, as for the queue, so a concurrent Flush waits for it too.
        Interlocked.Increment(ref _queued);
        OutboxAddResult result;
        try
        {
            result = _outbox.Add(item);
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            Interlocked.Decrement(ref _queued);
            Volatile.Write(ref _lastError, e.Message);
            why = e.Message;
            return false;
        }
        Interlocked.Add(ref _dropped, result.Dropped);
        if (!result.Stored)
        {
            Interlocked.Increment(ref _refused);
            why = "the outbox is full of higher alerts";
            return false;
        }
        Interlocked.Increment(ref _raised);
        _stored();
        return true;
    }

    /// <summary>Waits until everything handed over so far is on disk (or the timeout passes).</summary>
    public bool Flush(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Raised + Refused < Queued)
        {
            if (Environment.TickCount64 > deadline || _writer.IsCompleted)
                return false;
            Thread.Sleep(1);
        }
        return true;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(30));
    }

    private async Task WriteAsync()
    {
        var batch = new List<OutboxItem>(BatchLimit);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < BatchLimit && reader.TryRead(out var item))
                batch.Add(item);
            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<OutboxItem> batch)
    {
        // A failing disk must not lose what is queued: retry the same batch until it goes in.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var results = _outbox.AddRange(batch);
                long stored = 0, dropped = 0;
                foreach (var result in results)
                {
                    if (result.Stored)
                        stored++;
                    dropped += result.Dropped;
                }
                Interlocked.Add(ref _raised, stored);
                Interlocked.Add(ref _refused, batch.Count - stored);
                Interlocked.Add(ref _dropped, dropped);
                Interlocked.Increment(ref _batches);
                Volatile.Write(ref _failing, null);
                _stored();
                return;
            }
            catch (Exception e) when (e is not ObjectDisposedException)
            {
                // Whatever failed (disk, database, a bug), the batch is kept and tried again: the writer
                // must not die silently with alerts queued behind it; LastError keeps the reason.
                Volatile.Write(ref _lastError, e.Message);
                Volatile.Write(ref _failing, e.Message);
                Thread.Sleep(Math.Min(1000, 10 << Math.Min(attempt, 6)));
            }
        }
    }
}

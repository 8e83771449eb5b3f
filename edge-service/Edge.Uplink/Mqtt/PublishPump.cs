using Edge.Uplink.Outbox;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace Edge.Uplink.Mqtt;

/// <summary>Sends the outbox to the broker, oldest first, QoS 1, with up to a window of messages
/// unacknowledged. A message leaves the outbox only after its PUBACK: deleted as sent on success,
/// deleted and counted as failed (with a log line) on a refusal such as NotAuthorized. One pump run
/// is one connection; the next run starts again from the oldest message still in the outbox, so
/// what was sent but not acknowledged before a disconnect is sent again (consumers dedupe by id).
/// Messages go out in outbox order on one connection, so the broker keeps their order.</summary>
public sealed class PublishPump
{
    private readonly IOutbox _outbox;
    private readonly UplinkCounters _counters;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _idlePoll;
    private readonly WakeSignal _wake = new();

    public PublishPump(IOutbox outbox, UplinkCounters counters, ILogger logger, TimeProvider time, TimeSpan? idlePoll = null)
    {
        _outbox = outbox;
        _counters = counters;
        _logger = logger;
        _time = time;
        _idlePoll = idlePoll ?? TimeSpan.FromMilliseconds(200);
    }

    /// <summary>Something was added to the outbox: look now rather than at the next poll.</summary>
    public void Wake() => _wake.Set();

    /// <summary>Publishes until <paramref name="connectionLost"/> fires (then throws
    /// <see cref="OperationCanceledException"/>).</summary>
    /// <param name="publish">Sends one message and completes with the broker's PUBACK.</param>
    /// <param name="window">Messages in flight at most.</param>
    /// <param name="heard">Called on every PUBACK (the link is alive).</param>
    public async Task RunAsync(Func<OutboxRecord, CancellationToken, Task<MqttClientPublishResult>> publish, int window,
        Action? heard, CancellationToken connectionLost)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        using var slots = new SemaphoreSlim(window, window);
        var inFlight = new InFlight();
        long after = 0;
        try
        {
            while (true)
            {
                connectionLost.ThrowIfCancellationRequested();
                var batch = _outbox.Read(after, window);
                if (batch.Count == 0)
                {
                    await _wake.WaitAsync(_idlePoll, _time, connectionLost).ConfigureAwait(false);
                    continue;
                }

                foreach (var record in batch)
                {
                    await slots.WaitAsync(connectionLost).ConfigureAwait(false);
                    after = record.Sequence;
                    Task<MqttClientPublishResult> sending;
                    try
                    {
                        sending = publish(record, connectionLost);
                    }
                    catch (Exception e) when (IsPoison(e))
                    {
                        slots.Release();
                        UplinkLog.PublishInvalid(_logger, record.Sequence, record.Topic, e.Message);
                        _counters.Failed($"message {record.Sequence} on {record.Topic}: {e.Message}");
                        _outbox.Delete(record.Sequence);
                        continue;
                    }

                    inFlight.Add();
                    _ = CompleteAsync(record, sending, slots, inFlight, heard);
                }
            }
        }
        finally
        {
            // The semaphore is released by the completions: let them finish before it is disposed.
            await inFlight.DrainedAsync().ConfigureAwait(false);
        }
    }

    private async Task CompleteAsync(OutboxRecord record, Task<MqttClientPublishResult> sending, SemaphoreSlim slots,
        InFlight inFlight, Action? heard)
    {
        try
        {
            var result = await sending.ConfigureAwait(false);
            heard?.Invoke();
            if (result.IsSuccess)
            {
                _outbox.Delete(record.Sequence);
                _counters.Sent();
            }
            else if (IsPermanent(result.ReasonCode))
            {
                UplinkLog.PublishRefused(_logger, record.Sequence, record.Topic, record.MessageId, result.ReasonCode.ToString(), result.ReasonString);
                _counters.Failed($"broker refused message {record.Sequence} on {record.Topic}: {result.ReasonCode}");
                _outbox.Delete(record.Sequence);
            }
            else
            {
                // Quota, overload or an ACL being edited: the refusal may pass. The message stays and
                // is offered again on the next connection (or start); the rest keep flowing meanwhile.
                UplinkLog.PublishRefusedKept(_logger, record.Sequence, record.Topic, record.MessageId, result.ReasonCode.ToString(), result.ReasonString);
                _counters.Failed($"broker refused message {record.Sequence} on {record.Topic}: {result.ReasonCode} (kept)");
            }
        }
        catch (Exception)
        {
            // Connection lost before the PUBACK: the message stays and is sent again on the next connection.
        }
        finally
        {
            slots.Release();
            inFlight.Done();
        }
    }

    /// <summary>Refusals no retry can change: the topic or payload itself is wrong.</summary>
    private static bool IsPermanent(MqttClientPublishReasonCode code) =>
        code is MqttClientPublishReasonCode.TopicNameInvalid or MqttClientPublishReasonCode.PayloadFormatInvalid;

    /// <summary>Errors of the message itself (a topic MQTT cannot carry), not of the link.</summary>
    private static bool IsPoison(Exception e) =>
        e is ArgumentException or MQTTnet.Exceptions.MqttProtocolViolationException or NotSupportedException;

    private sealed class InFlight
    {
        private int _count = 1;
        private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add() => Interlocked.Increment(ref _count);

        public void Done()
        {
            if (Interlocked.Decrement(ref _count) == 0)
                _drained.TrySetResult();
        }

        public Task DrainedAsync()
        {
            Done();
            return _drained.Task;
        }
    }
}

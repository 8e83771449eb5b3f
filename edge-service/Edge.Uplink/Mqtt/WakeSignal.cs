namespace Edge.Uplink.Mqtt;

/// <summary>A wake-up that is not lost when it comes before the wait: <see cref="Set"/> completes
/// the current or the next <see cref="WaitAsync"/>.</summary>
public sealed class WakeSignal
{
    private TaskCompletionSource _source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _source).TrySetResult();

    /// <summary>Waits for <see cref="Set"/> or the timeout; true when woken.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var source = Volatile.Read(ref _source);
        if (!source.Task.IsCompleted)
        {
            try
            {
                await source.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        Interlocked.CompareExchange(ref _source, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), source);
        return true;
    }
}

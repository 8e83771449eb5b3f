namespace Edge.Flashing.Agent;

/// <summary>
/// The sensor's end: waits for the port (the USB gadget appears when a cable is plugged in),
/// serves one laptop at a time, and opens the port again whenever the link goes away.
/// Install is the injected hook: it verifies the signature and switches slots, or refuses.
/// </summary>
public sealed class FlashAgent(
    FlashAgentOptions options,
    Func<CancellationToken, ValueTask<Stream>> open,
    Func<FlashPayload, CancellationToken, Task<FlashOutcome>> install,
    TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public FlashAgentCounters Counters { get; } = new();

    /// <summary>Runs until cancelled. Cancelling is treated like a kill: no last checkpoint, so resume
    /// relies on the state file alone, exactly as after a power cut.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Stream? stream = null;
            try
            {
                stream = await open(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The device is not there (yet): the cable is out or the gadget is still coming up.
            }
            if (stream is not null)
            {
                await using (stream.ConfigureAwait(false))
                    await ServeAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            await Task.Delay(options.ReopenDelay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Serves one connection until the stream ends or fails.</summary>
    public async Task ServeAsync(Stream stream, CancellationToken cancellationToken)
    {
        Counters.Session();
        var session = new AgentSession(options, stream, install, Counters, _time);
        await session.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}

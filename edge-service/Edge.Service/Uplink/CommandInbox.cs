using Edge.Uplink.Commands;
using Edge.Uplink.Mqtt;

namespace Edge.Service.Uplink;

/// <summary>Hands each command from the broker to the processor and puts its result in the outbox
/// (durable, in order with the alerts). A result without an id (an unreadable envelope) still goes out.</summary>
public sealed class CommandInbox(CommandProcessor processor, Func<CommandResultPublisher> results) : ICommandInbox
{
    private long _inProgress;
    private long _lastActivity = Environment.TickCount64;
    private long _handled;

    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Milliseconds since a command last arrived or finished (0 while one is being carried out).</summary>
    public long QuietMilliseconds =>
        Interlocked.Read(ref _inProgress) > 0 ? 0 : Environment.TickCount64 - Interlocked.Read(ref _lastActivity);

    public async ValueTask HandleAsync(string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inProgress);
        Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
        try
        {
            var result = await processor.HandleAsync(name, payload, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _handled);
            results().Publish(result.Id ?? "", result.ToUtf8Json());
        }
        finally
        {
            Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);
            Interlocked.Decrement(ref _inProgress);
        }
    }
}

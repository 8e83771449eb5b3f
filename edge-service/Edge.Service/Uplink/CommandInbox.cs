using Edge.Uplink.Commands;
using Edge.Uplink.Mqtt;

namespace Edge.Service.Uplink;

/// <summary>Hands each command from the broker to the processor and puts its result in the outbox
/// (durable, in order with the alerts). A result without an id (an unreadable envelope) still goes out.</summary>
public sealed class CommandInbox(CommandProcessor processor, Func<CommandResultPublisher> results) : ICommandInbox
{
    public long Handled { get; private set; }

    public async ValueTask HandleAsync(string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var result = await processor.HandleAsync(name, payload, cancellationToken).ConfigureAwait(false);
        Handled++;
        results().Publish(result.Id ?? "", result.ToUtf8Json());
    }
}

using Edge.Uplink.Outbox;
using Edge.Uplink.Topics;

namespace Edge.Uplink.Mqtt;

/// <summary>Sends a command's result on <c>…/cmd-result</c> through the outbox: durable, QoS 1,
/// in order with the alerts, resent after a reconnect until the broker acknowledges it.</summary>
public sealed class CommandResultPublisher(IOutbox outbox, TopicLayout topics, Action? wake = null)
{
    public OutboxAddResult Publish(string commandId, ReadOnlyMemory<byte> payload)
    {
        var result = outbox.Add(new OutboxItem(topics.CommandResult, payload, OutboxPriority.High, commandId));
        wake?.Invoke();
        return result;
    }
}

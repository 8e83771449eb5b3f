namespace Edge.Cli.Collect;

/// <summary>One received message on its way to the store, with the acknowledgement the broker waits
/// for: sent only once the batch holding the message has been committed.</summary>
public sealed record Delivery(ParsedMessage Message, IDeliveryAck Ack);

/// <summary>Tells the broker a message is safe (MQTT PUBACK).</summary>
public interface IDeliveryAck
{
    /// <summary>False when it could not be sent (the connection it came on is gone): the broker
    /// keeps the message and delivers it again, and the store counts it once.</summary>
    ValueTask<bool> AcknowledgeAsync(CancellationToken cancellationToken);
}

/// <summary>For messages that need no acknowledgement (QoS 0 heartbeats).</summary>
public sealed class NoAck : IDeliveryAck
{
    public static readonly NoAck Instance = new();

    public ValueTask<bool> AcknowledgeAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);
}

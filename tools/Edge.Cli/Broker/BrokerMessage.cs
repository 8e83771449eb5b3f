namespace Edge.Cli.Broker;

/// <summary>One message as it came off the broker, with when edgectl received it.</summary>
public sealed record BrokerMessage(string Topic, byte[] Payload, bool Retain, DateTimeOffset ReceivedAt);

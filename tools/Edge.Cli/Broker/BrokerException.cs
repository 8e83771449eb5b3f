namespace Edge.Cli.Broker;

/// <summary>The broker could not be reached, refused us, or refused a subscription or publish; the
/// message is one line a person can act on.</summary>
public sealed class BrokerException(string message) : Exception(message);

namespace Edge.Uplink.Mqtt;

/// <summary>How one connection attempt ended: not connected at all, or connected for a while and then lost.</summary>
public readonly record struct LinkOutcome(bool Connected, TimeSpan Lasted, string Reason);

namespace Edge.Watch.Link;

/// <summary>What the link layer tells the network layer: the EtherType of the payload, where it
/// starts, and the outer VLAN id (0 when untagged).</summary>
public readonly record struct LinkHeader(ushort EtherType, int NetworkOffset, ushort VlanId, byte VlanDepth);

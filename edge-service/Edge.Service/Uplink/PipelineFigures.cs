using Edge.Uplink.Messages;

namespace Edge.Service.Uplink;

/// <summary>What the packet pipeline has counted so far, read by the heartbeat from another thread
/// (each figure is one aligned 64-bit read, so none is torn; together they are a close snapshot).</summary>
/// <param name="Live">A live capture: the kernel and interface drop counts mean something.</param>
/// <param name="State">The LED state, where a status model runs.</param>
/// <param name="DnsForwarder">The DNS forwarder's figures, where it runs.</param>
/// <param name="Blocking">The gateway's block sets, in gateway mode.</param>
public readonly record struct PipelineFigures(long Packets, long Drops, long DecodeErrors, long Flows, long Dns,
    long Suppressed, long RateLimited, bool Live = false, long KernelDrops = 0, long InterfaceDrops = 0, string? State = null,
    HeartbeatDnsForwarder? DnsForwarder = null, HeartbeatBlocking? Blocking = null);

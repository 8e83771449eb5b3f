namespace Edge.Service.Uplink;

/// <summary>What the packet pipeline has counted so far, read by the heartbeat from another thread
/// (each figure is one aligned 64-bit read, so none is torn; together they are a close snapshot).</summary>
public readonly record struct PipelineFigures(long Packets, long Drops, long DecodeErrors, long Flows, long Dns,
    long Suppressed, long RateLimited);

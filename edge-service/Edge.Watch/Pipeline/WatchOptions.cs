using Edge.Watch.Flows;

namespace Edge.Watch.Pipeline;

public sealed record WatchOptions
{
    public FlowTableOptions Flows { get; init; } = new();

    /// <summary>Reassembly buffers shared by all flows (each held only while a message straddles segments).</summary>
    public int StreamBuffers { get; init; } = 256;

    /// <summary>Bytes per reassembly buffer: a whole ClientHello with its record headers, or a DNS message.</summary>
    public int StreamBufferSize { get; init; } = 20 * 1024;

    /// <summary>IP datagrams reassembled at once (64 KiB each).</summary>
    public int FragmentSlots { get; init; } = 64;

    public int FragmentTimeoutSeconds { get; init; } = 30;

    public ChecksumMode Checksums { get; init; } = ChecksumMode.Auto;
}

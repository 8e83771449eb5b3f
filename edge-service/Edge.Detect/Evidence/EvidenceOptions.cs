namespace Edge.Detect.Evidence;

/// <summary>The evidence store: what is kept of an alerting flow and how much disk it may take
/// (configuration section <c>Edge:Evidence</c>).</summary>
public sealed record EvidenceOptions
{
    /// <summary>Where the pcaps are written (one <c>&lt;alert id&gt;.pcap</c> per alerting flow).</summary>
    public string Directory { get; set; } = "";

    /// <summary>Disk the store may use; past it the oldest files are deleted.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Files the store may hold; 0 for no limit other than <see cref="MaxBytes"/>.</summary>
    public int MaxFiles { get; set; } = 10_000;

    /// <summary>Bytes of recent packets held in memory, all flows together, so an alert can keep
    /// what came before it.</summary>
    public int RingBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Packets held in the ring at most (its record index), whatever their size.</summary>
    public int RingPackets { get; set; } = 65_536;

    /// <summary>Bytes kept of each packet (the pcap snap length); the original length is kept too.</summary>
    public int SnapLength { get; set; } = 2048;

    /// <summary>Packets of the alerting flow kept from before the alert (the alerting packet included).</summary>
    public int PacketsBefore { get; set; } = 32;

    /// <summary>Packets of the alerting flow kept after the alert.</summary>
    public int PacketsAfter { get; set; } = 64;

    /// <summary>Capture time after the alert when the file is closed even if fewer packets followed.</summary>
    public int FollowUpSeconds { get; set; } = 60;

    /// <summary>Alerting flows followed at once; an alert past it keeps no evidence (counted).</summary>
    public int MaxOpenCaptures { get; set; } = 256;

    /// <summary>Finished captures waiting for the disk; when full, a capture is dropped (counted), never waited for.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Largest file one capture can make: pcap header plus every packet at the snap length.</summary>
    public long MaxCaptureBytes => PcapFormat.FileHeaderLength + ((long)(PacketsBefore + PacketsAfter) * (PcapFormat.RecordHeaderLength + SnapLength));

    public void Validate()
    {
        if (SnapLength is < 64 or > 262_144)
            throw new ArgumentOutOfRangeException(nameof(SnapLength), SnapLength, "SnapLength must be between 64 and 262,144");
        if (PacketsBefore is < 1 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(PacketsBefore), PacketsBefore, "PacketsBefore must be between 1 and 4,096");
        if (PacketsAfter is < 0 or > 65_536)
            throw new ArgumentOutOfRangeException(nameof(PacketsAfter), PacketsAfter, "PacketsAfter must be between 0 and 65,536");
        if (RingBytes < SnapLength * 16 || RingBytes > 1 << 30)
            throw new ArgumentOutOfRangeException(nameof(RingBytes), RingBytes, "RingBytes must hold at least 16 packets at the snap length and be at most 1 GiB");
        if (RingPackets is < 16 or > 1 << 24)
            throw new ArgumentOutOfRangeException(nameof(RingPackets), RingPackets, "RingPackets must be between 16 and 16,777,216");
        if (FollowUpSeconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(FollowUpSeconds), FollowUpSeconds, "FollowUpSeconds must be positive");
        if (MaxOpenCaptures is < 1 or > 65_536)
            throw new ArgumentOutOfRangeException(nameof(MaxOpenCaptures), MaxOpenCaptures, "MaxOpenCaptures must be between 1 and 65,536");
        if (QueueCapacity < 1)
            throw new ArgumentOutOfRangeException(nameof(QueueCapacity), QueueCapacity, "QueueCapacity must be positive");
        if (MaxFiles < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxFiles), MaxFiles, "MaxFiles must be 0 (no limit) or positive");
        if (MaxBytes < MaxCaptureBytes)
            throw new ArgumentOutOfRangeException(nameof(MaxBytes), MaxBytes, $"MaxBytes must hold at least one whole capture ({MaxCaptureBytes:N0} bytes with these settings)");
    }
}

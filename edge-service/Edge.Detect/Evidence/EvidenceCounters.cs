namespace Edge.Detect.Evidence;

/// <summary>What the recorder did, on the capture thread (read them when it is idle or at the end).</summary>
public sealed class EvidenceCounters
{
    /// <summary>Packets copied into the ring, and their bytes (at the snap length).</summary>
    public long Packets { get; internal set; }
    public long Bytes { get; internal set; }

    /// <summary>Packets longer than the snap length (kept cut, their original length recorded).</summary>
    public long Truncated { get; internal set; }

    /// <summary>Captures opened for an alert, and alerts that joined a capture already open on their flow.</summary>
    public long Captures { get; internal set; }
    public long Joined { get; internal set; }

    /// <summary>Alerts without a single flow (sweeps, DNS patterns): no evidence file by design.</summary>
    public long NoFlow { get; internal set; }

    /// <summary>Alerts whose flow had no packet left in the ring (overwritten before the alert).</summary>
    public long NoPackets { get; internal set; }

    /// <summary>Alerts refused because <see cref="EvidenceOptions.MaxOpenCaptures"/> captures were open.</summary>
    public long TooManyOpen { get; internal set; }

    /// <summary>Captures handed to the writer, and dropped because its queue was full.</summary>
    public long Queued { get; internal set; }
    public long DroppedQueueFull { get; internal set; }

    /// <summary>Packets in the captures handed to the writer.</summary>
    public long PacketsQueued { get; internal set; }

    /// <summary>How captures ended: their packet count reached, their flow ended, their time ran out, flushed.</summary>
    public long EndedByCount { get; internal set; }
    public long EndedByFlow { get; internal set; }
    public long EndedByTime { get; internal set; }
    public long EndedByFlush { get; internal set; }

    /// <summary>A flow's ring history lost to make room in the flow index (older packets of it unreachable).</summary>
    public long IndexEvictions { get; internal set; }

    /// <summary>Packets kept without a link to their flow's history (every nearby index slot followed a capture).</summary>
    public long Unindexed { get; internal set; }
}

namespace Edge.Detect.Evidence;

/// <summary>Flow id to its newest record in the <see cref="PacketRing"/>, open-addressed in a fixed
/// table twice the ring's record count with a short probe. Entries are never emptied, only reused:
/// one whose newest record is gone from the ring is free, one followed by a capture is never taken.</summary>
internal sealed class FlowIndex
{
    private const int Probes = 8;

    private readonly Entry[] _entries;
    private readonly int _mask;

    public FlowIndex(int ringRecords)
    {
        _entries = new Entry[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)ringRecords * 2)];
        _mask = _entries.Length - 1;
    }

    public ref Entry this[int slot] => ref _entries[slot];

    /// <summary>The flow's slot, or -1.</summary>
    public int Find(ulong flowId)
    {
        var slot = Home(flowId);
        for (var probe = 0; probe < Probes; probe++, slot = (slot + 1) & _mask)
        {
            var id = _entries[slot].FlowId;
            if (id == flowId)
                return slot;
            if (id == 0)
                return -1;
        }
        return -1;
    }

    /// <summary>The flow's slot, taking a free one (or else the one with the oldest newest packet)
    /// when the flow has none; -1 when every probed slot is followed by a capture.</summary>
    public int Claim(ulong flowId, PacketRing ring, out bool evictedLive)
    {
        evictedLive = false;
        var slot = Home(flowId);
        var free = -1;
        var oldest = -1;
        for (var probe = 0; probe < Probes; probe++, slot = (slot + 1) & _mask)
        {
            ref var entry = ref _entries[slot];
            if (entry.FlowId == flowId)
                return slot;
            if (entry.FlowId == 0)
                return Take(free >= 0 ? free : slot, flowId);
            if (entry.Capture != 0 || free >= 0)
                continue;
            if (!ring.IsLive(entry.Last))
                free = slot;
            else if (oldest < 0 || entry.Last < _entries[oldest].Last)
                oldest = slot;
        }
        if (free >= 0)
            return Take(free, flowId);
        if (oldest < 0)
            return -1;
        evictedLive = true;
        return Take(oldest, flowId);
    }

    private int Take(int slot, ulong flowId)
    {
        _entries[slot] = new Entry { FlowId = flowId, Last = -1 };
        return slot;
    }

    private int Home(ulong flowId) => (int)((flowId * 0x9E3779B97F4A7C15UL) >> 33) & _mask;

    internal struct Entry
    {
        public ulong FlowId;
        /// <summary>Number of the flow's newest record in the ring; -1 before its first.</summary>
        public long Last;
        /// <summary>1 + the slot of the open capture following this flow; 0 when none.</summary>
        public int Capture;
        public bool Ended;
    }
}

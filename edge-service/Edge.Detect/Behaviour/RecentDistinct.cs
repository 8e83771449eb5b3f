namespace Edge.Detect.Behaviour;

/// <summary>An exact distinct counter with a sliding time window over a fixed set of (id, last seen)
/// cells. With as many cells as the alert threshold it is exact up to the threshold: a new id takes
/// the cell seen longest ago, so the set is full of in-window ids exactly when the threshold is met.</summary>
internal static class RecentDistinct
{
    public const long Empty = long.MinValue;

    /// <summary>Records <paramref name="id"/> at <paramref name="now"/> and returns how many ids
    /// were seen in (now − window, now].</summary>
    public static int Add(Span<ulong> ids, Span<long> seen, ulong id, long now, long window)
    {
        var oldest = 0;
        var found = -1;
        for (var i = 0; i < ids.Length && found < 0; i++)
        {
            if (seen[i] != Empty && ids[i] == id)
                found = i;
            else if (seen[i] < seen[oldest])
                oldest = i;
        }
        if (found >= 0)
            seen[found] = Math.Max(seen[found], now);
        else
        {
            ids[oldest] = id;
            seen[oldest] = now;
        }

        var count = 0;
        var since = now - window;
        foreach (var time in seen)
        {
            if (time > since)
                count++;
        }
        return count;
    }
}

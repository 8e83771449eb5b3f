using System.Numerics;

namespace Edge.Detect.Behaviour;

/// <summary>An exact distinct counter with a sliding time window over a fixed set of (id, last seen)
/// cells. With as many cells as the alert threshold it is exact up to the threshold: a new id takes
/// the cell seen longest ago, so the set is full of in-window ids exactly when the threshold is met.
/// The cells are searched, and counted, a vector at a time.</summary>
internal static class RecentDistinct
{
    public const long Empty = long.MinValue;

    /// <summary>Records <paramref name="id"/> at <paramref name="now"/> and returns how many ids
    /// were seen in (now − window, now].</summary>
    public static int Add(Span<ulong> ids, Span<long> seen, ulong id, long now, long window)
    {
        var found = IndexOfLive(ids, seen, id);
        if (found >= 0)
            seen[found] = Math.Max(seen[found], now);
        else
        {
            // The first cell seen longest ago (an empty one before any other).
            var oldest = seen.IndexOf(Min(seen));
            ids[oldest] = id;
            seen[oldest] = now;
        }
        return CountAfter(seen, now - window);
    }

    /// <summary>The first cell holding <paramref name="id"/> that is not empty, or -1.</summary>
    private static int IndexOfLive(ReadOnlySpan<ulong> ids, ReadOnlySpan<long> seen, ulong id)
    {
        var from = 0;
        while (true)
        {
            var at = ids[from..].IndexOf(id);
            if (at < 0)
                return -1;
            at += from;
            if (seen[at] != Empty)
                return at;
            from = at + 1;
        }
    }

    private static long Min(ReadOnlySpan<long> values)
    {
        var min = long.MaxValue;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<long>.Count)
        {
            var lanes = new Vector<long>(long.MaxValue);
            for (; i <= values.Length - Vector<long>.Count; i += Vector<long>.Count)
                lanes = Vector.Min(lanes, new Vector<long>(values[i..]));
            for (var lane = 0; lane < Vector<long>.Count; lane++)
                min = Math.Min(min, lanes[lane]);
        }
        for (; i < values.Length; i++)
            min = Math.Min(min, values[i]);
        return min;
    }

    private static int CountAfter(ReadOnlySpan<long> values, long since)
    {
        long count = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<long>.Count)
        {
            var bound = new Vector<long>(since);
            var counts = Vector<long>.Zero;
            // A true comparison is all ones (−1) in its lane.
            for (; i <= values.Length - Vector<long>.Count; i += Vector<long>.Count)
                counts -= Vector.GreaterThan(new Vector<long>(values[i..]), bound);
            count = Vector.Sum(counts);
        }
        for (; i < values.Length; i++)
        {
            if (values[i] > since)
                count++;
        }
        return (int)count;
    }
}

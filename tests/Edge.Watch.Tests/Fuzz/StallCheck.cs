using Edge.Watch.Link;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>Tells a real stall from a busy machine: a slow frame is replayed from the start of its
/// deterministic sequence on a fresh engine, and only counts when it is slow every time.</summary>
public static class StallCheck
{
    private const int Attempts = 3;

    public static bool IsRealStall(int seed, IReadOnlyList<FuzzSeed> seeds, long frame, TimeSpan limit)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var source = new FuzzFrameSource(seed, seeds);
            var guard = new GuardedEngine(limit);
            LinkType linkType;
            long timestamp;
            while (source.Total < frame - 1)
            {
                var before = source.Next(out linkType, out timestamp);
                guard.Feed(linkType, timestamp, before);
            }
            var suspect = source.Next(out linkType, out timestamp);
            if (guard.Feed(linkType, timestamp, suspect) is null && !guard.LastFrameSlow)
                return false;
        }
        return true;
    }
}

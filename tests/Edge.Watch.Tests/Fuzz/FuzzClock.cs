namespace Edge.Watch.Tests.Fuzz;

/// <summary>Capture timestamps that mostly advance a little, and now and then jump back (clock
/// steps, out-of-order merges) or far ahead (a quiet night, so every timeout fires).</summary>
public sealed class FuzzClock(Random random)
{
    private const long Second = 1_000_000;

    public long NowMicros { get; private set; } = 1_700_000_000 * Second;

    public long Next()
    {
        var roll = random.Next(10_000);
        NowMicros += roll switch
        {
            0 => -random.NextInt64(86_400 * Second),
            < 3 => -random.NextInt64(120 * Second),
            < 6 => random.NextInt64(7_200 * Second),
            _ => random.Next(3_000),
        };
        NowMicros = Math.Max(NowMicros, Second);
        return NowMicros;
    }
}

namespace Edge.Detect.Behaviour;

/// <summary>Defaults follow the corpus rule: at least 20 queries under one zone with long encoded labels.</summary>
public sealed class TunnelOptions
{
    /// <summary>(client, zone) pairs tracked at once; least recently active evicted beyond this.</summary>
    public int MaxZones { get; set; } = 2048;

    /// <summary>Counters cover a tumbling window of packet time this long.</summary>
    public double WindowSeconds { get; set; } = 60;

    public int MinQueries { get; set; } = 20;

    public double Threshold { get; set; } = 0.6;

    /// <summary>Mean subdomain label length (octets) that counts as fully "long"; iodine sends 50–63.</summary>
    public double LongLabelLength { get; set; } = 32;

    /// <summary>Mean Shannon entropy (bits per octet of the subdomain) that counts as fully "encoded".</summary>
    public double HighEntropyBits { get; set; } = 4;

    /// <summary>Seed of the distinct-counting hashes. Unset, each run draws one (an outsider cannot aim
    /// collisions); a replay sets it so the same capture always gives the same figures.</summary>
    public ulong? HashSeed { get; set; }

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxZones, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(WindowSeconds, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinQueries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LongLabelLength, 0);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HighEntropyBits, 0);
    }
}

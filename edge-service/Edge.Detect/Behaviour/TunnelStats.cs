using System.Text;
using Edge.Watch.Dns;
using Edge.Watch.Net;

namespace Edge.Detect.Behaviour;

/// <summary>Per (client, zone) DNS query counters over a tumbling window of packet time: volume,
/// distinct subdomains (linear counting over a 1024-bit bitmap), mean subdomain label length,
/// mean per-query entropy, and the share of TXT/NULL/CNAME questions, combined into a 0..1 score.
/// The caller passes the query name in presentation form and the zone (registrable domain) it
/// decided on. Memory is fixed: about <c>MaxZones × 230</c> bytes.</summary>
public sealed class TunnelStats
{
    private const int BitmapWords = 16;
    private const double LengthWeight = 0.35;
    private const double EntropyWeight = 0.25;
    private const double UniqueWeight = 0.2;
    private const double TypeWeight = 0.2;

    private readonly TunnelOptions _options;
    private readonly LruSlotMap<TunnelKey> _zones;
    private readonly ulong _seed;
    private readonly long _windowMicros;
    private ulong[] _bitmaps = [];
    private long[] _windowStart = [];
    private int[] _queries = [];
    private int[] _named = [];
    private int[] _labels = [];
    private int[] _labelOctets = [];
    private double[] _entropy = [];
    private int[] _tunnelTypes = [];
    private bool[] _reported = [];

    public TunnelStats(TunnelOptions options)
    {
        options.Validate();
        _options = options;
        _seed = options.HashSeed ?? (ulong)Random.Shared.NextInt64();
        _windowMicros = (long)(options.WindowSeconds * 1_000_000);
        _zones = new LruSlotMap<TunnelKey>(options.MaxZones);
        FitSlots();
    }

    public int Count => _zones.Count;

    public long Evictions => _zones.Evictions;

    /// <summary>Names that did not end in the zone given with them, ignored.</summary>
    public long Mismatched { get; private set; }

    public TunnelScore Observe(in IpAddr client, ReadOnlySpan<byte> qname, ReadOnlySpan<byte> zone, ushort qtype, long timestampMicros) =>
        Observe(client, qname, zone, qtype, timestampMicros, out _);

    /// <summary>Adds one query. <paramref name="firstCrossing"/> is true on the query that first makes
    /// the pair tunnel-like; it is raised again only after a window that was not.</summary>
    public TunnelScore Observe(in IpAddr client, ReadOnlySpan<byte> qname, ReadOnlySpan<byte> zone, ushort qtype, long timestampMicros, out bool firstCrossing)
    {
        firstCrossing = false;
        var slot = Add(client, Prepare(qname, zone), qtype, timestampMicros);
        if (slot < 0)
            return default;
        var score = Score(slot);
        firstCrossing = score.IsTunnel && !_reported[slot];
        _reported[slot] |= firstCrossing;
        return score;
    }

    /// <summary>What a query name contributes, worked out once: the zone's seeded hash and the
    /// subdomain's shape. A pure function of the two names (and this instance's seed), so a caller
    /// may keep it for a name it sees again.</summary>
    public TunnelName Prepare(ReadOnlySpan<byte> qname, ReadOnlySpan<byte> zone)
    {
        qname = TrimDot(qname);
        zone = TrimDot(zone);
        if (!TrySplit(qname, zone, out var subdomain))
            return default;
        if (subdomain.IsEmpty)
            return new TunnelName(true, ZoneHash(zone), false, 0, 0, 0, 0);
        SubdomainShape.Measure(subdomain, out var labels, out var octets, out var entropy, out var hash);
        return new TunnelName(true, ZoneHash(zone), true, labels, octets, entropy, AddressHash.Mix(hash ^ _seed));
    }

    /// <summary>As <see cref="Observe(in IpAddr, ReadOnlySpan{byte}, ReadOnlySpan{byte}, ushort, long, out bool)"/>
    /// for a name already prepared, scoring only when the query could be a first crossing (the pair
    /// not yet reported and at least <see cref="TunnelOptions.MinQueries"/> queries in the window).
    /// True, with the score, exactly when Observe would report a first crossing.</summary>
    public bool TryObserveCrossing(in IpAddr client, in TunnelName name, ushort qtype, long timestampMicros, out TunnelScore score)
    {
        score = default;
        var slot = Add(client, name, qtype, timestampMicros);
        if (slot < 0 || _reported[slot] || _queries[slot] < _options.MinQueries)
            return false;
        score = Score(slot);
        if (!score.IsTunnel)
            return false;
        _reported[slot] = true;
        return true;
    }

    /// <summary>Counts one query into its pair's window; the pair's slot, or -1 for a mismatched name.</summary>
    private int Add(in IpAddr client, in TunnelName name, ushort qtype, long timestampMicros)
    {
        if (!name.Valid)
        {
            Mismatched++;
            return -1;
        }

        var slot = _zones.Acquire(new TunnelKey(client, name.ZoneHash), out var created);
        if (created)
        {
            FitSlots();
            _reported[slot] = false;
            Reset(slot, timestampMicros);
        }
        else if (timestampMicros - _windowStart[slot] >= _windowMicros)
        {
            // Score only matters for a pair that was reported: the others stay unreported.
            _reported[slot] = _reported[slot] && Score(slot).IsTunnel;
            Reset(slot, timestampMicros);
        }

        _queries[slot]++;
        if (qtype is DnsType.TXT or DnsType.NULL or DnsType.CNAME)
            _tunnelTypes[slot]++;
        if (name.HasSubdomain)
        {
            _named[slot]++;
            _labels[slot] += name.Labels;
            _labelOctets[slot] += name.Octets;
            _entropy[slot] += name.EntropyBits;
            LinearCounter.Add(_bitmaps.AsSpan(slot * BitmapWords, BitmapWords), name.SubdomainHash);
        }
        return slot;
    }

    private TunnelScore Score(int slot)
    {
        var queries = _queries[slot];
        var named = _named[slot];
        var unique = named == 0 ? 0 : (int)Math.Min(named, Math.Round(LinearCounter.Estimate(_bitmaps.AsSpan(slot * BitmapWords, BitmapWords))));
        var meanLabel = _labels[slot] == 0 ? 0 : _labelOctets[slot] / (double)_labels[slot];
        var meanEntropy = named == 0 ? 0 : _entropy[slot] / named;
        var typeShare = queries == 0 ? 0 : _tunnelTypes[slot] / (double)queries;
        var shape = LengthWeight * Math.Min(1, meanLabel / _options.LongLabelLength)
            + EntropyWeight * Math.Min(1, meanEntropy / _options.HighEntropyBits)
            + UniqueWeight * (queries == 0 ? 0 : unique / (double)queries)
            + TypeWeight * typeShare;
        var score = Math.Min(1, queries / (double)_options.MinQueries) * shape;
        var isTunnel = queries >= _options.MinQueries && score >= _options.Threshold;
        return new TunnelScore(queries, unique, meanLabel, meanEntropy, typeShare, score, isTunnel);
    }

    private void Reset(int slot, long now)
    {
        _bitmaps.AsSpan(slot * BitmapWords, BitmapWords).Clear();
        _windowStart[slot] = now;
        _queries[slot] = 0;
        _named[slot] = 0;
        _labels[slot] = 0;
        _labelOctets[slot] = 0;
        _entropy[slot] = 0;
        _tunnelTypes[slot] = 0;
    }

    private static bool TrySplit(ReadOnlySpan<byte> qname, ReadOnlySpan<byte> zone, out ReadOnlySpan<byte> subdomain)
    {
        subdomain = default;
        if (qname.Length == zone.Length)
            return Ascii.EqualsIgnoreCase(qname, zone);
        var cut = qname.Length - zone.Length - 1;
        if (zone.IsEmpty || cut < 1 || qname[cut] != (byte)'.' || !Ascii.EqualsIgnoreCase(qname[(cut + 1)..], zone))
            return false;
        subdomain = qname[..cut];
        return true;
    }

    private ulong ZoneHash(ReadOnlySpan<byte> zone)
    {
        var hash = 14695981039346656037UL ^ _seed;
        foreach (var octet in zone)
            hash = (hash ^ (uint)(octet is >= (byte)'A' and <= (byte)'Z' ? octet | 0x20 : octet)) * 1099511628211UL;
        return AddressHash.Mix(hash);
    }

    private static ReadOnlySpan<byte> TrimDot(ReadOnlySpan<byte> name) =>
        name.Length > 1 && name[^1] == (byte)'.' ? name[..^1] : name;

    private void FitSlots()
    {
        var slots = _zones.Capacity;
        SlotArrays.Fit(ref _bitmaps, slots, BitmapWords);
        SlotArrays.Fit(ref _windowStart, slots);
        SlotArrays.Fit(ref _queries, slots);
        SlotArrays.Fit(ref _named, slots);
        SlotArrays.Fit(ref _labels, slots);
        SlotArrays.Fit(ref _labelOctets, slots);
        SlotArrays.Fit(ref _entropy, slots);
        SlotArrays.Fit(ref _tunnelTypes, slots);
        SlotArrays.Fit(ref _reported, slots);
    }

    private readonly record struct TunnelKey(IpAddr Client, ulong Zone);
}

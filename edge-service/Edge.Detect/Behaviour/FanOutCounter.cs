using Edge.Watch.Net;

namespace Edge.Detect.Behaviour;

/// <summary>Counts, per source, the distinct destinations its TCP SYNs reach within a sliding window
/// of packet time: per destination port (a WannaCry-style sweep of 445) and over all ports (a scan).
/// The caller passes only connection-opening SYNs from internal hosts. Each view reports a crossing
/// once per episode; an episode ends when the source has been quiet on that view for a window.
/// Memory is fixed: <c>MaxPortSources × PortThreshold × 16</c> plus <c>MaxScanSources × ScanThreshold × 16</c> bytes.</summary>
public sealed class FanOutCounter
{
    private readonly View<PortSource> _ports;
    private readonly View<IpAddr> _scans;
    private readonly ulong _seed;

    public FanOutCounter(FanOutOptions options)
    {
        options.Validate();
        _seed = options.HashSeed ?? (ulong)Random.Shared.NextInt64();
        _ports = new View<PortSource>(options.MaxPortSources, options.PortThreshold, options.PortWindowSeconds);
        _scans = new View<IpAddr>(options.MaxScanSources, options.ScanThreshold, options.ScanWindowSeconds);
    }

    public long PortEvictions => _ports.Slots.Evictions;

    public long ScanEvictions => _scans.Slots.Evictions;

    public FanOutObservation OnSyn(in IpAddr source, in IpAddr destination, ushort port, long timestampMicros)
    {
        var crossed = FanOutAlert.None;
        var onPort = _ports.Add(new PortSource(source, port), AddressHash.Of(destination, 0, _seed), timestampMicros, out var first);
        if (first)
            crossed |= FanOutAlert.PortSweep;
        var targets = _scans.Add(source, AddressHash.Of(destination, port, _seed), timestampMicros, out first);
        if (first)
            crossed |= FanOutAlert.Scan;
        return new FanOutObservation(crossed, onPort, targets);
    }

    private readonly record struct PortSource(IpAddr Source, ushort Port);

    private sealed class View<TKey>
        where TKey : struct, IEquatable<TKey>
    {
        private readonly int _threshold;
        private readonly long _windowMicros;
        private ulong[] _ids = [];
        private long[] _seen = [];
        private bool[] _reported = [];

        public View(int maxSources, int threshold, double windowSeconds)
        {
            Slots = new LruSlotMap<TKey>(maxSources);
            _threshold = threshold;
            _windowMicros = (long)(windowSeconds * 1_000_000);
            FitSlots();
        }

        public LruSlotMap<TKey> Slots { get; }

        public int Add(in TKey key, ulong target, long now, out bool firstCrossing)
        {
            var slot = Slots.Acquire(key, out var created);
            if (created)
                FitSlots();
            var seen = _seen.AsSpan(slot * _threshold, _threshold);
            if (created)
            {
                seen.Fill(RecentDistinct.Empty);
                _reported[slot] = false;
            }
            var count = RecentDistinct.Add(_ids.AsSpan(slot * _threshold, _threshold), seen, target, now, _windowMicros);
            if (count <= 1)
                _reported[slot] = false;
            firstCrossing = count >= _threshold && !_reported[slot];
            _reported[slot] |= firstCrossing;
            return count;
        }

        private void FitSlots()
        {
            SlotArrays.Fit(ref _ids, Slots.Capacity, _threshold);
            SlotArrays.Fit(ref _seen, Slots.Capacity, _threshold);
            SlotArrays.Fit(ref _reported, Slots.Capacity);
        }
    }
}

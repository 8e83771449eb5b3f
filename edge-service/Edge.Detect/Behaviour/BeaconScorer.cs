namespace Edge.Detect.Behaviour;

/// <summary>Scores how periodic each (client, server, port) series of connection starts is, in the
/// spirit of RITA: Bowley skewness, MAD/median and coefficient of variation of the inter-arrival
/// times, regularity of connection sizes, and a connection-count factor, over the last
/// <see cref="BeaconOptions.Window"/> connections of each series. Memory grows with the series seen,
/// up to <c>MaxSeries × Window × 16</c> bytes of rings plus small per-series fields.</summary>
public sealed class BeaconScorer
{
    // A MAD/median or CV of this much (or more) scores 0; jittered beacons sit near 0.05, Poisson-like traffic near 1.
    private const double DispersionCeiling = 0.5;
    private const double TimingWeight = 0.8;
    private const double MicrosPerSecond = 1_000_000;
    private const double MeanMargin = 1e-9;
    private const double CvMargin = 1e-6;
    // Intervals kept in the exact sum of squares: below 2^48 µs (8.9 years) the squares of a
    // window cannot overflow Int128; a longer one turns the O(1) CV test off for its series.
    private const long MaxSquaredInterval = 1L << 48;

    private readonly BeaconOptions _options;
    private readonly LruSlotMap<BeaconKey> _series;
    private readonly int _window;
    private long[] _intervals = [];
    private long[] _sizes = [];
    // Per series: its scalars in one 64-byte cell (one cache line per start), beside the two rings.
    private SeriesState[] _state = [];

    public BeaconScorer(BeaconOptions options)
    {
        options.Validate();
        _options = options;
        _window = options.Window;
        _series = new LruSlotMap<BeaconKey>(options.MaxSeries);
        FitSlots();
    }

    public int Count => _series.Count;

    /// <summary>Series dropped to make room for new ones.</summary>
    public long Evictions => _series.Evictions;

    /// <summary>Starts earlier than the series' previous start, ignored.</summary>
    public long OutOfOrder { get; private set; }

    public BeaconScore Observe(in BeaconKey key, long startMicros, long bytes) => Observe(key, startMicros, bytes, out _);

    /// <summary>Adds one connection start (packet time, µs) and its size in bytes (0 when unknown),
    /// and returns the series' score. <paramref name="firstCrossing"/> is true once per series: on
    /// the start that first makes it a beacon, so the caller raises one finding.</summary>
    public BeaconScore Observe(in BeaconKey key, long startMicros, long bytes, out bool firstCrossing)
    {
        firstCrossing = false;
        var slot = Add(key, startMicros, bytes);
        if (slot < 0)
            return Score(~slot);
        var score = Score(slot);
        firstCrossing = score.IsBeacon && !_state[slot].Reported;
        _state[slot].Reported |= firstCrossing;
        return score;
    }

    /// <summary>As <see cref="Observe(in BeaconKey, long, long, out bool)"/>, but the series is only
    /// scored when this start could be its first crossing: not yet reported, enough connections, and
    /// the mean interval and CV (linear in the window) within bounds. The sorts of a full score are
    /// skipped for every other start; true and <paramref name="score"/> exactly when Observe would
    /// report a first crossing.</summary>
    public bool TryObserveCrossing(in BeaconKey key, long startMicros, long bytes, out BeaconScore score)
    {
        score = default;
        var slot = Add(key, startMicros, bytes);
        if (slot < 0 || _state[slot].Reported || _state[slot].Connections < _options.MinConnections || !TimingInBounds(slot))
            return false;
        score = Score(slot);
        if (!score.IsBeacon)
            return false;
        _state[slot].Reported = true;
        return true;
    }

    private void FitSlots()
    {
        SlotArrays.Fit(ref _intervals, _series.Capacity, _window);
        SlotArrays.Fit(ref _sizes, _series.Capacity, _window);
        SlotArrays.Fit(ref _state, _series.Capacity);
    }

    /// <summary>Records one start; the series' slot, or its complement when the start was out of order.</summary>
    private int Add(in BeaconKey key, long startMicros, long bytes)
    {
        var slot = _series.Acquire(key, out var created);
        if (created)
            FitSlots();
        ref var state = ref _state[slot];
        if (created)
            state = default;
        else if (startMicros < state.LastStart)
        {
            OutOfOrder++;
            return ~slot;
        }

        var connections = state.Connections;
        var ring = slot * _window;
        if (connections > 0)
        {
            ref var kept = ref _intervals[ring + (int)((connections - 1) % _window)];
            if (connections - 1 >= _window)
            {
                state.IntervalSum -= kept;
                Square(ref state, kept, -1);
            }
            kept = startMicros - state.LastStart;
            state.IntervalSum += kept;
            Square(ref state, kept, 1);
            state.Filled = Math.Min(state.Filled + 1, _window);
        }
        // Sizes are kept once a series has one: until then its ring reads as all zeros without
        // being written (a caller that never passes sizes, as detection does, never touches it).
        if (bytes > 0 && !state.Sized)
        {
            _sizes.AsSpan(ring, _window).Clear();
            state.Sized = true;
        }
        if (state.Sized)
            _sizes[ring + (int)(connections % _window)] = bytes;
        state.LastStart = startMicros;
        state.Connections = connections + 1;
        return slot;
    }

    /// <summary>Adds (<paramref name="sign"/> 1) or removes (−1) an interval's square.</summary>
    private static void Square(ref SeriesState state, long interval, int sign)
    {
        if (interval < MaxSquaredInterval)
            state.IntervalSquares += sign * (Int128)(interval * interval);
        else
            state.Unsquared += sign;
    }

    public bool TryGetScore(in BeaconKey key, out BeaconScore score)
    {
        score = default;
        if (!_series.TryFind(key, out var slot))
            return false;
        score = Score(slot);
        return true;
    }

    private BeaconScore Score(int slot)
    {
        var connections = _state[slot].Connections;
        var intervals = _state[slot].Filled;
        if (intervals < 2)
            return new BeaconScore(connections, intervals, 0, 0, 0, 0, double.NaN, 0, false);

        Span<double> sorted = stackalloc double[_window];
        Span<double> scratch = stackalloc double[_window];
        var sample = Intervals(slot, sorted);
        var cv = RobustStatistics.Cv(sample, out var mean);
        sample.Sort();
        var bowley = RobustStatistics.Bowley(sample);
        var madRatio = RobustStatistics.MadRatio(sample, scratch);
        var timing = ((1 - Math.Abs(bowley)) + Regularity(madRatio) + 2 * Regularity(cv)) / 4;

        var sizeRegularity = SizeRegularity(slot, sorted, scratch);
        var combined = double.IsNaN(sizeRegularity) ? timing : TimingWeight * timing + (1 - TimingWeight) * sizeRegularity;
        var countFactor = Math.Min(1.0, intervals / (double)(_options.MinConnections - 1));
        var score = combined * countFactor;

        var isBeacon = connections >= _options.MinConnections
            && score >= _options.Threshold
            && mean >= _options.MinMeanIntervalSeconds
            && mean <= _options.MaxMeanIntervalSeconds
            && cv <= _options.MaxCv;
        return new BeaconScore(connections, intervals, mean, cv, bowley, madRatio, sizeRegularity, score, isBeacon);
    }

    /// <summary>The mean and CV tests of <see cref="Score"/>, computed the same way, without the sorts.</summary>
    private bool TimingInBounds(int slot)
    {
        var intervals = _state[slot].Filled;
        if (intervals < 2)
            return false;
        // The exact mean first: it differs from Cv's floating one by far less than the margin, so a
        // series it puts out of bounds is out of bounds for Score too (most are: hours apart).
        var mean = (double)_state[slot].IntervalSum / intervals / MicrosPerSecond;
        if (mean < _options.MinMeanIntervalSeconds * (1 - MeanMargin) || mean > _options.MaxMeanIntervalSeconds * (1 + MeanMargin))
            return false;
        // The exact CV next: population CV² = (n·Σx² − (Σx)²) / (Σx)², integers up to the last
        // division; a series it puts clearly above MaxCv is above it for Cv as well.
        var sum = _state[slot].IntervalSum;
        if (_state[slot].Unsquared == 0 && sum > 0)
        {
            var spread = (double)(intervals * _state[slot].IntervalSquares - sum * sum);
            var cvSquared = spread / ((double)sum * (double)sum);
            if (cvSquared > _options.MaxCv * _options.MaxCv * (1 + CvMargin))
                return false;
        }
        Span<double> seconds = stackalloc double[_window];
        var cv = RobustStatistics.Cv(Intervals(slot, seconds), out mean);
        return mean >= _options.MinMeanIntervalSeconds && mean <= _options.MaxMeanIntervalSeconds && cv <= _options.MaxCv;
    }

    /// <summary>The kept inter-arrival times of a series in seconds, written to <paramref name="seconds"/>.</summary>
    private Span<double> Intervals(int slot, Span<double> seconds)
    {
        var intervals = _state[slot].Filled;
        var ring = slot * _window;
        for (var i = 0; i < intervals; i++)
            seconds[i] = _intervals[ring + i] / MicrosPerSecond;
        return seconds[..intervals];
    }

    /// <summary>(1 − |Bowley| + MAD regularity) / 2 over the kept sizes; NaN when no size was given.</summary>
    private double SizeRegularity(int slot, Span<double> sorted, Span<double> scratch)
    {
        var count = (int)Math.Min(_state[slot].Connections, _window);
        if (!_state[slot].Sized || count < 3)
            return double.NaN;
        var ring = slot * _window;
        for (var i = 0; i < count; i++)
            sorted[i] = _sizes[ring + i];
        var sample = sorted[..count];
        sample.Sort();
        return ((1 - Math.Abs(RobustStatistics.Bowley(sample))) + Regularity(RobustStatistics.MadRatio(sample, scratch))) / 2;
    }

    private static double Regularity(double dispersion) => Math.Clamp(1 - dispersion / DispersionCeiling, 0, 1);

    private struct SeriesState
    {
        // Exact sum of the kept intervals (µs), for an O(1) test of the mean before the full one,
        // and of their squares (µs²) with how many kept intervals are too long for it.
        public Int128 IntervalSum;
        public Int128 IntervalSquares;
        public long LastStart;
        public long Connections;
        public int Filled;
        public int Unsquared;
        public bool Sized;
        public bool Reported;
    }
}

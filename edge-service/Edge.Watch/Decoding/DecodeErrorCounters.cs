namespace Edge.Watch.Decoding;

/// <summary>Decode errors counted by layer and reason. Counting is an array increment;
/// names are only looked up when the counters are reported.</summary>
public sealed class DecodeErrorCounters
{
    private const int ReasonsPerLayer = 32;
    private static readonly int s_layers = Enum.GetValues<DecodeLayer>().Length;

    private readonly long[] _counts = new long[s_layers * ReasonsPerLayer];

    public long Total { get; private set; }

    public void Add(DecodeLayer layer, byte reason)
    {
        _counts[((int)layer * ReasonsPerLayer) + (reason & (ReasonsPerLayer - 1))]++;
        Total++;
    }

    public long Get(DecodeLayer layer, byte reason) =>
        _counts[((int)layer * ReasonsPerLayer) + (reason & (ReasonsPerLayer - 1))];

    /// <summary>Every non-zero counter as ("layer.reason", count), in layer order.</summary>
    public IEnumerable<KeyValuePair<string, long>> NonZero()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] == 0)
                continue;
            var layer = (DecodeLayer)(i / ReasonsPerLayer);
            var reason = (byte)(i % ReasonsPerLayer);
            yield return new(DecodeReasonNames.Describe(layer, reason), _counts[i]);
        }
    }

    public void Clear()
    {
        Array.Clear(_counts);
        Total = 0;
    }
}

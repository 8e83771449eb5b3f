using Edge.Detect.Intel;

namespace Edge.Detect.Names;

/// <summary>Character-trigram model of benign DNS labels (see README.md). <see cref="Score"/> is the
/// cost in bits per character of a label under the model, shrunk towards the benign mean for short
/// labels: higher means more random.</summary>
public sealed class DgaModel
{
    /// <summary>The 99.9th percentile of the training labels' own scores: 1 in 1,000 training words scores above it.</summary>
    public const double DefaultThreshold = 4.6;

    /// <summary>Pseudo-characters of prior evidence; a 4-letter label is pulled halfway to <see cref="PriorBits"/>.</summary>
    private const int PriorWeight = 4;

    /// <summary>About the mean score of the training labels.</summary>
    private const double PriorBits = 3.5;

    private const double CostUnit = 8.0;

    private static readonly Lazy<DgaModel> s_default = new(() => new DgaModel(Convert.FromBase64String(DgaTrigramData.Base64)));

    private readonly byte[] _costs;

    private DgaModel(byte[] costs)
    {
        if (costs.Length != LabelSymbols.Count * LabelSymbols.Count * LabelSymbols.Count)
            throw new InvalidDataException("DGA trigram table has the wrong size");
        _costs = costs;
    }

    /// <summary>The model trained by tools/dga-model/build.sh, decoded once.</summary>
    public static DgaModel Load() => s_default.Value;

    /// <summary>Scores one label (no dots), e.g. the registrable label from
    /// <see cref="PublicSuffixList.TryGetRegistrableLabel"/>. An empty label scores 0.</summary>
    public double Score(ReadOnlySpan<byte> label)
    {
        if (label.IsEmpty)
            return 0;
        var a = LabelSymbols.Boundary;
        var b = LabelSymbols.Boundary;
        long cost = 0;
        foreach (var octet in label)
        {
            var c = LabelSymbols.Of(octet);
            cost += Cost(a, b, c);
            a = b;
            b = c;
        }
        cost += Cost(a, b, LabelSymbols.Boundary);
        var transitions = label.Length + 1;
        return (cost / CostUnit + PriorBits * PriorWeight) / (transitions + PriorWeight);
    }

    public bool IsLikelyGenerated(ReadOnlySpan<byte> label, double threshold = DefaultThreshold) => Score(label) >= threshold;

    private int Cost(int a, int b, int c) => _costs[((a * LabelSymbols.Count) + b) * LabelSymbols.Count + c];
}

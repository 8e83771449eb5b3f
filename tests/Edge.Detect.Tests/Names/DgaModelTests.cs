using Edge.Detect.Intel;
using Edge.Detect.Names;

namespace Edge.Detect.Tests.Names;

public sealed class DgaModelTests(ITestOutputHelper output)
{
    private static readonly DgaModel s_model = DgaModel.Load();

    [Fact]
    public void Corpus_dga_labels_and_benign_names_separate_at_the_default_threshold()
    {
        var dga = NameCorpus.GeneratedDga().Select(Score).ToList();
        var benign = NameCorpus.Benign().Select(Score).ToList();

        var tpr = dga.Count(s => s >= DgaModel.DefaultThreshold) / (double)dga.Count;
        var fpr = benign.Count(s => s >= DgaModel.DefaultThreshold) / (double)benign.Count;
        output.WriteLine($"threshold {DgaModel.DefaultThreshold}: TPR {tpr:F4} on {dga.Count} DGA names, FPR {fpr:F4} on {benign.Count} benign names; " +
            $"DGA min {dga.Min():F3}, benign max {benign.Max():F3}");

        Assert.Equal(60, dga.Count);
        Assert.True(tpr >= 0.9, $"TPR {tpr}");
        Assert.True(fpr <= 0.01, $"FPR {fpr}");
    }

    [Theory]
    [InlineData("google")]
    [InlineData("wikipedia")]
    [InlineData("windowsupdate")]
    [InlineData("weather")]
    public void Words_score_below_the_threshold(string label) =>
        Assert.True(s_model.Score(NameCorpus.Bytes(label)) < DgaModel.DefaultThreshold);

    [Theory]
    [InlineData("xrnzsbjudkvszfdvrwr")]
    [InlineData("qxkzvbtwpl")]
    [InlineData("iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea")]
    public void Random_labels_score_above_the_threshold(string label) =>
        Assert.True(s_model.IsLikelyGenerated(NameCorpus.Bytes(label)));

    [Fact]
    public void Case_does_not_change_the_score() =>
        Assert.Equal(s_model.Score("wikipedia"u8), s_model.Score("WikiPedia"u8));

    [Fact]
    public void Empty_label_scores_zero() => Assert.Equal(0, s_model.Score([]));

    [Fact]
    public void Scoring_allocates_nothing()
    {
        var label = "hwkaigchadvbcmcrqpc"u8.ToArray();
        s_model.Score(label);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            s_model.Score(label);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static double Score(string name)
    {
        // A name that is itself a public suffix (akamaized.net is one, in the private section) scores its first label.
        var bytes = NameCorpus.Bytes(name);
        if (!PublicSuffixList.Bundled.TryGetRegistrableLabel(bytes, out var label))
            label = bytes.AsSpan(0, bytes.AsSpan().IndexOf((byte)'.'));
        return s_model.Score(label);
    }
}

using Edge.Detect.Names;

namespace Edge.Detect.Tests.Names;

public sealed class NameFeaturesTests
{
    [Fact]
    public void Counts_length_digits_consonant_runs_and_entropy()
    {
        var features = NameFeatures.Compute("abc12dfgh"u8);

        Assert.Equal(9, features.Length);
        Assert.Equal(2 / 9.0, features.DigitRatio, 6);
        Assert.Equal(4, features.LongestConsonantRun);
        Assert.Equal(Math.Log2(9), features.Entropy, 6);
    }

    [Fact]
    public void Repeated_octet_has_zero_entropy_and_case_folds()
    {
        var features = NameFeatures.Compute("aAaA"u8);

        Assert.Equal(0, features.Entropy);
        Assert.Equal(0, features.LongestConsonantRun);
    }

    [Fact]
    public void Empty_label_is_all_zero() => Assert.Equal(default, NameFeatures.Compute([]));

    [Fact]
    public void Computing_allocates_nothing()
    {
        NameFeatures.Compute("hexelmmdszpjslpkl"u8);
        var before = GC.GetAllocatedBytesForCurrentThread();
        NameFeatures.Compute("hexelmmdszpjslpkl"u8);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

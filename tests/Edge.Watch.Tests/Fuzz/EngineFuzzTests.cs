namespace Edge.Watch.Tests.Fuzz;

/// <summary>Runs alone so the frame rate and the per-frame limit measure the engine, not its neighbours.</summary>
[CollectionDefinition(nameof(FuzzCollection), DisableParallelization = true)]
public sealed class FuzzCollection;

[Collection(nameof(FuzzCollection))]
public sealed class EngineFuzzTests
{
    private const int CiSeed = 20_260_101;

    [Fact]
    public void Mutated_corpus_frames_never_crash_or_stall_the_engine()
    {
        var settings = FuzzSettings.FromEnvironment(CiSeed);
        var seeds = FuzzCorpus.Seeds;
        Assert.True(seeds.Count > 1000, $"only {seeds.Count} corpus frames");
        Assert.True(seeds.Sum(s => s.Fields.Length) > 10 * seeds.Count, "the field locator found too few fields");

        var report = EngineFuzzer.Run(settings, seeds);

        TestContext.Current.SendDiagnosticMessage(report.Summary);
        TestContext.Current.TestOutputHelper?.WriteLine(report.Summary);
        if (report.Failure is not null)
            Assert.Fail(report.Failure);
        Assert.Equal(settings.Frames, report.MutatedFrames);
    }
}

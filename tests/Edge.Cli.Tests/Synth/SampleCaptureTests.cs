using Edge.Cli.Tests.TestSupport;

namespace Edge.Cli.Tests.Synth;

public sealed class SampleCaptureTests
{
    public static string SamplePath =>
        Path.Combine(Pcaps.RepositoryRoot(), "edge-service", "Edge.Service", "Samples", "lan-sample.pcap");

    [Fact]
    public void Committed_sample_is_what_seed_1_generates()
    {
        var committed = File.ReadAllBytes(SamplePath);
        Assert.True(committed.Length < 300 * 1024, $"sample is {committed.Length} bytes");
        Assert.True(committed.AsSpan().SequenceEqual(Pcaps.Generate(seed: 1)),
            "lan-sample.pcap differs from `edgectl synth --seed 1`; regenerate it (see tools/Edge.Cli/README.md)");
    }
}

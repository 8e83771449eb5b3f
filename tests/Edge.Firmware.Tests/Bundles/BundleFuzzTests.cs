using System.Buffers;
using System.Text;
using Edge.Firmware.Bundles;
using Edge.Firmware.Tests.TestSupport;

namespace Edge.Firmware.Tests.Bundles;

/// <summary>Mutated real manifests and headers never throw, and whatever parses keeps every rule.
/// EDGE_FUZZ_ITERATIONS (default 20,000) and EDGE_FUZZ_SEED set a longer or different run.</summary>
public sealed class BundleFuzzTests
{
    private static readonly byte[] Bundle = TestBundles.Create();
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes(TestBundles.ManifestText(Bundle));

    [Fact]
    public void The_manifest_parser_survives_mutated_manifests()
    {
        var mutator = new Mutator(Mutator.Seed);
        var accepted = 0;
        for (var i = 0; i < Mutator.Iterations; i++)
        {
            var input = mutator.Mutate(Manifest);
            bool ok;
            BundleManifest manifest;
            BundleRefusal? refusal;
            try
            {
                ok = BundleManifestParser.TryParse(input, out manifest, out refusal);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {Mutator.Seed} iteration {i} threw {e.GetType().Name}: {e.Message}\ninput (base64): {Convert.ToBase64String(input)}");
                return;
            }
            if (ok)
            {
                accepted++;
                Assert.Null(BundleManifestRules.Check(manifest));
                Assert.All(manifest.Files, f => Assert.Null(BundlePath.Problem(f.Path)));
            }
            else
            {
                Assert.NotNull(refusal);
                Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
            }
        }
        // Whitespace and harmless edits keep some inputs valid: the run reached the rules, not only the JSON reader.
        Assert.True(accepted > 0, "no mutated manifest parsed; the fuzzer only exercised the JSON reader");
    }

    [Fact]
    public void The_header_reader_and_verifier_survive_mutated_bundle_heads()
    {
        var mutator = new Mutator(Mutator.Seed + 1);
        var keys = TestBundles.Trust();
        var head = Bundle[..(BundleFormat.HeaderSize + 40)];
        for (var i = 0; i < Mutator.Iterations; i++)
        {
            var mutatedHead = mutator.Mutate(head);
            var status = BundleHeader.TryRead(mutatedHead, out var header, out var refusal);
            Assert.True(status != OperationStatus.InvalidData || refusal is not null);
            if (status == OperationStatus.Done)
                Assert.InRange(header.ManifestLength, 1, BundleFormat.MaxManifestBytes);
            byte[] bundle = [.. mutatedHead, .. Bundle.AsSpan(head.Length)];
            var result = new BundleVerifier(keys, new BundlePolicy()).Verify(new MemoryStream(bundle));
            if (result.IsAccepted)
                Assert.Equal(Bundle, bundle);
        }
    }

    [Fact]
    public void The_fuzz_inputs_differ_between_seeds()
    {
        Assert.NotEqual(new Mutator(1).Mutate(Manifest), new Mutator(2).Mutate(Manifest));
        Assert.Equal(new Mutator(3).Mutate(Manifest), new Mutator(3).Mutate(Manifest));
    }
}

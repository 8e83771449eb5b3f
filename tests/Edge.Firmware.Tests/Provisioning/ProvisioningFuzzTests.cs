using Edge.Firmware.Provisioning;
using Edge.Firmware.Tests.TestSupport;
using Edge.Uplink.Commands.Signing;
using static Edge.Firmware.Tests.TestSupport.TestProvisioning;

namespace Edge.Firmware.Tests.Provisioning;

/// <summary>Mutated real provisioning files never throw, are never accepted unless what was signed is
/// byte-identical, and no refusal quotes a secret. EDGE_FUZZ_ITERATIONS (default 1,500: each input may
/// parse a certificate and a key) and EDGE_FUZZ_SEED set a longer or different run.</summary>
public sealed class ProvisioningFuzzTests
{
    private static readonly string[] ProvisioningTokens =
    [
        "\"settings\":{\"Uplink:Password\":\"x\"},", "\"settings\":{\"Capture:Interface:X\":\"y\"},", "\"bundle_keys\":{},",
        "\"bundle_keys\":{\"k\":null},", "\"client_key\":null,", "\"password\":\"p\",", "\"username\":\"\",", "mqtt://", "mqtts://",
        "-----BEGIN PRIVATE KEY-----", "-----END CERTIFICATE-----", "\"x\":null,", "{}", "Capture:Interface:Name", "\\n", "=",
    ];

    private static readonly int Iterations = Mutator.IterationsOr(1_500);
    private static readonly byte[] OriginalFile = Write();
    private static readonly byte[] OriginalBody = TestProvisioning.Body();
    private static readonly byte[] OriginalSignature = Ed25519Signatures.Sign(PrivateKey, ProvisioningFormat.SignedMessage(OriginalBody));

    [Fact]
    public void Mutated_files_never_throw_and_are_accepted_only_with_the_signed_body_intact()
    {
        var mutator = new Mutator(Mutator.Seed, ProvisioningTokens);
        var parsed = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var input = mutator.Mutate(OriginalFile);
            var (ok, envelope) = ReadBothWays(input, Trust(), i);
            if (ok)
                Assert.Equal(OriginalBody, envelope!.Body);
            if (ProvisioningReader.TryParse(input, out _, out _, out _))
                parsed++;
        }
        // Edits of the key id, whitespace and the signature leave some files parsing: the run reached the signature check.
        Assert.True(parsed > 0, "no mutated file parsed; the fuzzer only exercised the JSON reader");
    }

    [Fact]
    public void Mutated_bodies_under_the_original_signature_are_never_accepted()
    {
        var mutator = new Mutator(Mutator.Seed + 1, ProvisioningTokens);
        var random = new Random(Mutator.Seed + 1);
        for (var i = 0; i < Iterations; i++)
        {
            var body = mutator.Mutate(random.Next(3) == 0 ? Splice(OriginalBody, random) : OriginalBody);
            var (ok, _) = ReadBothWays(Envelope(body, OriginalSignature), Trust(), i);
            if (ok)
                Assert.Equal(OriginalBody, body);
        }
    }

    [Fact]
    public void Mutated_bodies_signed_again_never_throw_and_what_is_accepted_keeps_every_rule()
    {
        var mutator = new Mutator(Mutator.Seed + 2, ProvisioningTokens);
        var random = new Random(Mutator.Seed + 2);
        var (accepted, ruled) = (0, 0);
        for (var i = 0; i < Iterations; i++)
        {
            var body = mutator.Mutate(random.Next(3) == 0 ? Splice(OriginalBody, random) : OriginalBody);
            // A provisioned sensor that trusts the signer, so every input that parses reaches the rules.
            var file = Assemble(body);
            var (ok, _) = ReadBothWays(file, Trust(), i);
            Assert.True(ProvisioningReader.TryRead(file, Trust(), Now, out var set, out _, out var refusal) == ok);
            if (ok)
            {
                accepted++;
                Assert.Null(ProvisioningRules.Check(set, Now));
                Assert.NotEmpty(ProvisionedConfiguration.ToJson(set, "/etc/edge/certs-x"));
            }
            else if (refusal!.Code == ProvisioningRefusalCode.Invalid)
            {
                ruled++;
            }
        }
        Assert.True(accepted > 0, "no re-signed mutated body was accepted");
        Assert.True(ruled > 0, "no re-signed mutated body reached the field rules");
    }

    [Fact]
    public void The_fuzz_inputs_differ_between_seeds()
    {
        Assert.NotEqual(new Mutator(1, ProvisioningTokens).Mutate(OriginalFile), new Mutator(2, ProvisioningTokens).Mutate(OriginalFile));
        Assert.Equal(new Mutator(3, ProvisioningTokens).Mutate(OriginalFile), new Mutator(3, ProvisioningTokens).Mutate(OriginalFile));
    }

    /// <summary>TryParse and TryRead on a fresh and the given sensor: none throws, a refusal always comes
    /// with a message that quotes no secret, and TryRead accepts only what TryParse parses.</summary>
    private static (bool Accepted, ProvisioningEnvelope? Envelope) ReadBothWays(byte[] input, TrustedKeys trusted, int iteration)
    {
        var accepted = false;
        ProvisioningEnvelope? envelope = null;
        try
        {
            var parsed = ProvisioningReader.TryParse(input, out var set, out envelope, out var parseRefusal);
            // A refusal after parsing may quote the set's fields but never its own secrets; one before
            // quotes nothing of the input, so none of the original set's either.
            Check(parsed, parseRefusal, Secrets());
            foreach (var keys in new[] { new TrustedKeys(), trusted })
            {
                var read = ProvisioningReader.TryRead(input, keys, Now, out _, out _, out var refusal);
                Check(read, refusal, parsed ? SecretsOf(set) : Secrets());
                Assert.True(parsed || !read, "TryRead accepted what TryParse refused");
                if (keys == trusted)
                    accepted = read;
            }
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"seed {Mutator.Seed} iteration {iteration} threw {e.GetType().Name}: {e.Message}\ninput (base64): {Convert.ToBase64String(input)}");
        }
        return (accepted, accepted ? envelope : null);
    }

    private static void Check(bool ok, ProvisioningRefusal? refusal, IEnumerable<string> secrets)
    {
        if (ok)
        {
            Assert.Null(refusal);
            return;
        }
        Assert.NotNull(refusal);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        AssertQuotesNone(refusal.Message, secrets);
    }

    /// <summary>One JSON string of the body copied over another: a value where a key was, a key's
    /// PEM where the password was, and so on.</summary>
    private static byte[] Splice(byte[] body, Random random)
    {
        var strings = new List<(int Start, int End)>();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != (byte)'"')
                continue;
            var end = i + 1;
            while (end < body.Length && !(body[end] == (byte)'"' && body[end - 1] != (byte)'\\'))
                end++;
            if (end >= body.Length)
                break;
            strings.Add((i, end + 1));
            i = end;
        }
        var from = strings[random.Next(strings.Count)];
        var to = strings[random.Next(strings.Count)];
        return [.. body.AsSpan(0, to.Start), .. body.AsSpan(from.Start, from.End - from.Start), .. body.AsSpan(to.End)];
    }

    private static byte[] Envelope(byte[] body, byte[] signature) =>
        System.Text.Encoding.UTF8.GetBytes(
            $"{{\"schema\":\"{ProvisioningFormat.Schema}\",\"key_id\":\"{KeyId}\",\"body\":\"{Convert.ToBase64String(body)}\",\"signature\":\"{Convert.ToBase64String(signature)}\"}}");
}

using Edge.Firmware.Bundles;
using Edge.Firmware.Tests.TestSupport;
using Edge.Firmware.Versions;
using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Tests.Bundles;

/// <summary>Each refusal, with its code, on a bundle that is otherwise correct (hand-made manifests
/// are correctly signed, so only the rule under test can refuse them).</summary>
public sealed class BundleRefusalTests
{
    private static readonly byte[] Bundle = TestBundles.Create();

    [Fact]
    public void A_signature_by_another_key_is_bad_signature()
    {
        var forged = TestBundles.Create(key: TestBundles.OtherPrivateKey);
        Assert.Equal(BundleRefusalCode.BadSignature, Code(TestBundles.Verify(forged)));
    }

    [Fact]
    public void A_key_id_the_device_does_not_trust_is_unknown_key()
    {
        var keys = new TrustedKeys().Add("someone-else", Ed25519Signatures.PublicKeyOf(TestBundles.PrivateKey));
        Assert.Equal(BundleRefusalCode.UnknownKey, Code(TestBundles.Verify(Bundle, keys: keys)));
    }

    [Fact]
    public void A_board_not_listed_is_wrong_board()
    {
        var result = TestBundles.Verify(Bundle, new BundlePolicy("compute-module-4"));
        Assert.Equal(BundleRefusalCode.WrongBoard, Code(result));
        Assert.Contains("compute-module-4", result.Refusal!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.2.0", "1.3.0", false, BundleRefusalCode.Downgrade)]
    [InlineData("1.2.0-rc.1", "1.2.0", false, BundleRefusalCode.Downgrade)]
    [InlineData("1.2.0", "1.3.0", true, null)]
    [InlineData("1.2.0", "1.2.0", false, null)]
    [InlineData("1.2.0", "1.1.9", false, null)]
    public void An_older_version_is_refused_unless_the_signed_manifest_allows_downgrade(string version, string current, bool allow, BundleRefusalCode? expected)
    {
        var bundle = TestBundles.Create(TestBundles.Options(version, minVersion: "1.0.0", allowDowngrade: allow));
        Assert.Equal(expected, TestBundles.Verify(bundle, new BundlePolicy(CurrentVersion: SemVersion.Parse(current))).Refusal?.Code);
    }

    [Fact]
    public void A_device_older_than_min_version_is_below_min_version()
    {
        var bundle = TestBundles.Create(TestBundles.Options("2.0.0", minVersion: "1.5.0"));
        Assert.Equal(BundleRefusalCode.BelowMinVersion, Code(TestBundles.Verify(bundle, new BundlePolicy(CurrentVersion: SemVersion.Parse("1.4.9")))));
        Assert.True(TestBundles.Verify(bundle, new BundlePolicy(CurrentVersion: SemVersion.Parse("1.5.0"))).IsAccepted);
    }

    [Fact]
    public void A_file_whose_bytes_differ_from_its_signed_hash_is_hash_mismatch()
    {
        var manifest = TestBundles.Manifest(Bundle);
        var files = manifest.Files.ToArray();
        files[2] = files[2] with { Sha256 = new string('a', 64) };
        var bundle = TestBundles.Assemble(TestBundles.Serialize(manifest with { Files = files }), TestBundles.Payload(Bundle));
        var result = TestBundles.Verify(bundle);
        Assert.Equal(BundleRefusalCode.HashMismatch, Code(result));
        Assert.Contains("intel/snapshot.bin", result.Refusal!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(100)]
    [InlineData(-64)]
    [InlineData(-1)]
    public void A_bundle_cut_short_is_truncated(int cut)
    {
        var length = cut >= 0 ? cut : TestBundles.ManifestLength(Bundle) + BundleFormat.HeaderSize + 64 + cut;
        if (cut == -1)
            length = Bundle.Length - 1;
        Assert.Equal(BundleRefusalCode.Truncated, Code(TestBundles.Verify(Bundle[..length])));
    }

    [Fact]
    public void A_byte_after_the_last_file_is_trailing_bytes() =>
        Assert.Equal(BundleRefusalCode.TrailingBytes, Code(TestBundles.Verify([.. Bundle, 0])));

    [Fact]
    public void Files_adding_up_past_the_cap_are_too_large()
    {
        var manifest = TestBundles.Manifest(Bundle);
        var files = manifest.Files.ToArray();
        files[0] = files[0] with { Size = BundleFormat.MaxTotalFileBytes };
        var bundle = TestBundles.Assemble(TestBundles.Serialize(manifest with { Files = files }), TestBundles.Payload(Bundle));
        Assert.Equal(BundleRefusalCode.TooLarge, Code(TestBundles.Verify(bundle)));
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("bin/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("bin\\edge-service")]
    [InlineData("bin//edge-service")]
    [InlineData("bin/")]
    [InlineData("./bin")]
    [InlineData("")]
    [InlineData("C:evil")]
    [InlineData("CON")]
    [InlineData("boot/nul.txt")]
    [InlineData("bin/com1")]
    [InlineData("bin/edge service")]
    [InlineData("bin/\u00e9")]
    [InlineData("-rf")]
    public void A_path_that_could_escape_or_misbehave_is_unsafe_path(string path) =>
        Assert.Equal(BundleRefusalCode.UnsafePath, Code(TestBundles.Verify(WithPaths(path, "b", "c", "d"))));

    [Theory]
    [InlineData("a", "a")]
    [InlineData("Bin", "bin")]
    [InlineData("bin", "bin/edge-service")]
    public void Two_entries_for_one_path_are_duplicate_path(string first, string second) =>
        Assert.Equal(BundleRefusalCode.DuplicatePath, Code(TestBundles.Verify(WithPaths(first, second, "c", "d"))));

    [Theory]
    [InlineData("120777")]
    [InlineData("100644")]
    [InlineData("0020644")]
    [InlineData("4755")]
    [InlineData("1777")]
    [InlineData("644")]
    [InlineData("0o644")]
    [InlineData("rwxr-xr-x")]
    public void A_mode_other_than_plain_permission_bits_is_unsupported_mode(string mode)
    {
        var manifest = TestBundles.Manifest(Bundle);
        var files = manifest.Files.ToArray();
        files[1] = files[1] with { Mode = mode };
        var bundle = TestBundles.Assemble(TestBundles.Serialize(manifest with { Files = files }), TestBundles.Payload(Bundle));
        Assert.Equal(BundleRefusalCode.UnsupportedMode, Code(TestBundles.Verify(bundle)));
    }

    [Theory]
    [InlineData(0, (byte)'X', BundleRefusalCode.BadMagic)]
    [InlineData(9, 2, BundleRefusalCode.UnsupportedFormat)]
    [InlineData(8, 1, BundleRefusalCode.UnsupportedFormat)]
    [InlineData(11, 1, BundleRefusalCode.MalformedHeader)]
    [InlineData(12, 1, BundleRefusalCode.ManifestTooLarge)]
    [InlineData(19, 65, BundleRefusalCode.MalformedHeader)]
    public void A_bad_header_field_is_refused_by_name(int offset, byte value, BundleRefusalCode expected)
    {
        var bundle = (byte[])Bundle.Clone();
        bundle[offset] = value;
        Assert.Equal(expected, Code(TestBundles.Verify(bundle)));
    }

    [Fact]
    public void A_short_file_that_is_not_a_bundle_is_bad_magic() =>
        Assert.Equal(BundleRefusalCode.BadMagic, Code(TestBundles.Verify("#!/bin/sh\n"u8.ToArray())));

    [Theory]
    [InlineData("\"schema\":\"edge.bundle/1\"", "\"schema\":\"edge.bundle/2\"", "schema")]
    [InlineData("\"version\":\"1.2.0\"", "\"version\":\"1.2\"", "version")]
    [InlineData("\"version\":\"1.2.0\"", "\"version\":\"01.2.0\"", "version")]
    [InlineData("\"minVersion\":\"1.0.0\"", "\"minVersion\":\"latest\"", "minVersion")]
    [InlineData("\"keyId\":\"release-2026\"", "\"keyId\":\"release 2026\"", "keyId")]
    [InlineData("\"boards\":[", "\"boards\":[\"Raspberry Pi\",", "boards[0]")]
    [InlineData("\"boards\":[", "\"boards\":[\"raspberry-pi-5\",", "boards[2]")]
    [InlineData("\"boards\":[", "\"boards\":[null,", "boards[0]")]
    [InlineData("\"allowDowngrade\":false", "\"allowDowngrade\":false,\"extra\":1", "extra")]
    [InlineData("\"allowDowngrade\":false", "\"allowDowngrade\":false,\"allowDowngrade\":true", "allowDowngrade")]
    [InlineData("\"allowDowngrade\":false", "\"allowDowngrade\":\"false\"", "allowDowngrade")]
    [InlineData("\"allowDowngrade\":false,", "", "allowDowngrade")]
    [InlineData("\"keyId\"", "\"KeyId\"", "KeyId")]
    [InlineData("\"build\":{", "\"build\":{\"branch\":\"main\",", "branch")]
    [InlineData("\"size\":3000", "\"size\":-3000", "files[2].size")]
    [InlineData("\"size\":3000", "\"size\":3000.5", "size")]
    [InlineData("\"size\":3000", "\"size\":1e400", "size")]
    [InlineData("\"sha256\":\"", "\"sha256\":\"A", "files[0].sha256")]
    public void A_manifest_field_that_breaks_a_rule_is_malformed_manifest_naming_the_field(string find, string replace, string field)
    {
        var text = TestBundles.ManifestText(Bundle).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, find);
        var edited = text[..at] + replace + text[(at + find.Length)..];
        var result = TestBundles.Verify(TestBundles.Assemble(edited, TestBundles.Payload(Bundle)));
        Assert.Equal(BundleRefusalCode.MalformedManifest, Code(result));
        Assert.Contains(field, result.Refusal!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"schema\":\"edge.bundle/1\"} ")]
    [InlineData("{\"schema\":\"edge.bundle/1\",}")]
    [InlineData("/* c */{}")]
    [InlineData("{\"schema\":\"\\ud800\"}")]
    [InlineData("\u00ff")]
    public void A_manifest_that_is_not_the_expected_json_object_is_malformed(string manifest) =>
        Assert.Equal(BundleRefusalCode.MalformedManifest, Code(TestBundles.Verify(TestBundles.Assemble(manifest, []))));

    [Fact]
    public void A_manifest_that_is_not_utf8_is_malformed()
    {
        var text = TestBundles.ManifestText(Bundle);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        bytes[text.IndexOf("ci-runner", StringComparison.Ordinal)] = 0xC0;
        var signature = Ed25519Signatures.Sign(TestBundles.PrivateKey, BundleSigning.SignedMessage(bytes));
        var header = new byte[20];
        new BundleHeader(1, bytes.Length, 64).Write(header);
        var result = TestBundles.Verify([.. header, .. bytes, .. signature, .. TestBundles.Payload(Bundle)]);
        Assert.Equal(BundleRefusalCode.MalformedManifest, Code(result));
        Assert.Contains("UTF-8", result.Refusal!.Message, StringComparison.Ordinal);
    }

    private static byte[] WithPaths(params string[] paths)
    {
        var manifest = TestBundles.Manifest(Bundle);
        var files = manifest.Files.Select((f, i) => f with { Path = paths[i] }).ToArray();
        return TestBundles.Assemble(TestBundles.Serialize(manifest with { Files = files }), TestBundles.Payload(Bundle));
    }

    private static BundleRefusalCode? Code(BundleVerification result) => result.Refusal?.Code;
}

using System.Security.Cryptography;
using Edge.Firmware.Bundles;
using Edge.Firmware.Tests.TestSupport;
using Edge.Firmware.Versions;

namespace Edge.Firmware.Tests.Bundles;

public sealed class BundleRoundTripTests
{
    [Fact]
    public void A_written_bundle_verifies_and_its_manifest_describes_every_file()
    {
        var bundle = TestBundles.Create();
        var result = TestBundles.Verify(bundle, new BundlePolicy("raspberry-pi-5", SemVersion.Parse("1.1.0")));

        Assert.True(result.IsAccepted, result.Refusal?.ToString());
        var manifest = result.Manifest!;
        Assert.Equal("edge.bundle/1", manifest.Schema);
        Assert.Equal("1.2.0", manifest.Version);
        Assert.Equal(TestBundles.KeyId, manifest.KeyId);
        var files = TestBundles.Files();
        Assert.Equal(files.Select(f => f.Path), manifest.Files.Select(f => f.Path));
        Assert.Equal(files.Select(f => Convert.ToHexStringLower(SHA256.HashData(f.Bytes))), manifest.Files.Select(f => f.Sha256));
        Assert.Equal(files.Select(f => (long)f.Bytes.Length), manifest.Files.Select(f => f.Size));
        Assert.Equal(["0755", "0644", "0644", "0644"], manifest.Files.Select(f => f.Mode));
    }

    [Fact]
    public void The_layout_is_header_manifest_signature_then_files_in_manifest_order()
    {
        var bundle = TestBundles.Create();
        Assert.Equal("EDGEBNDL"u8.ToArray(), bundle[..8]);
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, bundle[8..12]);
        Assert.Equal(new byte[] { 0, 0, 0, 64 }, bundle[16..20]);
        Assert.StartsWith("{", TestBundles.ManifestText(bundle), StringComparison.Ordinal);
        Assert.Equal(TestBundles.Files().SelectMany(f => f.Bytes).ToArray(), TestBundles.Payload(bundle));
    }

    [Fact]
    public void The_signature_covers_the_prefixed_manifest_bytes()
    {
        var bundle = TestBundles.Create();
        var manifest = bundle.AsSpan(BundleFormat.HeaderSize, TestBundles.ManifestLength(bundle));
        var signature = bundle.AsSpan(BundleFormat.HeaderSize + manifest.Length, 64);
        var publicKey = Edge.Uplink.Commands.Signing.Ed25519Signatures.PublicKeyOf(TestBundles.PrivateKey);
        Assert.True(Edge.Uplink.Commands.Signing.Ed25519Signatures.Verify(publicKey, [.. "edge.bundle/1\n"u8, .. manifest], signature));
        Assert.False(Edge.Uplink.Commands.Signing.Ed25519Signatures.Verify(publicKey, [.. "edge.cmd/1\n"u8, .. manifest], signature));
    }

    [Fact]
    public void Reading_the_prefix_leaves_the_stream_at_the_first_file()
    {
        var bundle = TestBundles.Create();
        var stream = new MemoryStream(bundle);
        Assert.True(BundleReader.TryReadPrefix(stream, out var prefix, out _));
        Assert.Equal(prefix.PayloadOffset, stream.Position);
    }

    [Fact]
    public void The_writer_refuses_sources_the_verifier_would_refuse()
    {
        var sources = new[] { new BundleSource("../escape", 1, (UnixFileMode)0x1A4, () => new MemoryStream([1])) };
        var e = Assert.Throws<ArgumentException>(() => new BundleWriter(TestBundles.KeyId, TestBundles.PrivateKey).Write(new MemoryStream(), TestBundles.Options(), sources));
        Assert.Contains("unsafe-path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_refuses_a_source_whose_length_differs_from_its_size()
    {
        var sources = new[] { new BundleSource("a", 5, (UnixFileMode)0x1A4, () => new MemoryStream([1, 2, 3])) };
        Assert.Throws<InvalidDataException>(() => new BundleWriter(TestBundles.KeyId, TestBundles.PrivateKey).Write(new MemoryStream(), TestBundles.Options(), sources));
        var growing = new[] { new BundleSource("a", 2, (UnixFileMode)0x1A4, () => new MemoryStream([1, 2, 3])) };
        Assert.Throws<InvalidDataException>(() => new BundleWriter(TestBundles.KeyId, TestBundles.PrivateKey).Write(new MemoryStream(), TestBundles.Options(), growing));
    }

    [Fact]
    public void An_empty_file_round_trips()
    {
        using var output = new MemoryStream();
        new BundleWriter(TestBundles.KeyId, TestBundles.PrivateKey).Write(output, TestBundles.Options(),
            [new BundleSource("empty", 0, (UnixFileMode)0x1A4, () => new MemoryStream())]);
        Assert.True(TestBundles.Verify(output.ToArray()).IsAccepted);
    }
}

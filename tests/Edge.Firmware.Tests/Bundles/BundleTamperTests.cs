using Edge.Firmware.Bundles;
using Edge.Firmware.Tests.TestSupport;

namespace Edge.Firmware.Tests.Bundles;

/// <summary>Flipping one bit anywhere in a bundle gets it refused, with a code that fits the region.</summary>
public sealed class BundleTamperTests
{
    private static readonly byte[] Bundle = TestBundles.Create();

    public static TheoryData<string, int> Regions()
    {
        var manifestLength = TestBundles.ManifestLength(Bundle);
        var signature = BundleFormat.HeaderSize + manifestLength;
        var data = new TheoryData<string, int>();
        for (var i = 0; i < BundleFormat.HeaderSize; i++)
            data.Add("header", i);
        foreach (var i in new[] { 0, 1, manifestLength / 3, manifestLength / 2, manifestLength - 1 })
            data.Add("manifest", BundleFormat.HeaderSize + i);
        foreach (var i in new[] { 0, 31, 32, 63 })
            data.Add("signature", signature + i);
        var offset = (long)signature + BundleFormat.SignatureSize;
        foreach (var (_, bytes, _) in TestBundles.Files())
        {
            data.Add("file", (int)offset);
            data.Add("file", (int)(offset + bytes.Length - 1));
            offset += bytes.Length;
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public void Flipping_a_bit_is_refused(string region, int offset)
    {
        var tampered = (byte[])Bundle.Clone();
        tampered[offset] ^= 0x01;
        var result = TestBundles.Verify(tampered);
        Assert.False(result.IsAccepted);
        BundleRefusalCode[] expected = region switch
        {
            "header" => [BundleRefusalCode.BadMagic, BundleRefusalCode.UnsupportedFormat, BundleRefusalCode.MalformedHeader,
                BundleRefusalCode.ManifestTooLarge, BundleRefusalCode.Truncated, BundleRefusalCode.MalformedManifest],
            "manifest" => [BundleRefusalCode.BadSignature, BundleRefusalCode.MalformedManifest, BundleRefusalCode.UnknownKey],
            "signature" => [BundleRefusalCode.BadSignature],
            _ => [BundleRefusalCode.HashMismatch],
        };
        Assert.Contains(result.Refusal!.Code, expected);
    }

    [Fact]
    public void Every_single_byte_change_in_a_small_bundle_is_refused()
    {
        // Exhaustive over a small bundle: no byte is outside the signature's or a hash's reach.
        using var output = new MemoryStream();
        new BundleWriter(TestBundles.KeyId, TestBundles.PrivateKey).Write(output, TestBundles.Options(),
            [new BundleSource("a", 3, (UnixFileMode)0x1A4, () => new MemoryStream([1, 2, 3]))]);
        var bundle = output.ToArray();
        for (var i = 0; i < bundle.Length; i++)
        {
            var tampered = (byte[])bundle.Clone();
            tampered[i] ^= 0x80;
            Assert.False(TestBundles.Verify(tampered).IsAccepted, $"byte {i} changed and the bundle still verified");
        }
    }
}

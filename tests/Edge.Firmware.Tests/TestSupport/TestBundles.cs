using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Firmware.Bundles;
using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Tests.TestSupport;

/// <summary>A release key, the four payload files a real bundle carries, and helpers to build,
/// hand-craft (re-signed) and verify bundles in memory.</summary>
internal static class TestBundles
{
    public const string KeyId = "release-2026";
    public static readonly byte[] PrivateKey = SHA256.HashData("edge test release key"u8);
    public static readonly byte[] OtherPrivateKey = SHA256.HashData("somebody else's key"u8);

    public static readonly BundleBuild Build = new("0123456789abcdef0123456789abcdef01234567", new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), "ci-runner-1");

    public static TrustedKeys Trust() => new TrustedKeys().Add(KeyId, Ed25519Signatures.PublicKeyOf(PrivateKey));

    public static BundleWriteOptions Options(string version = "1.2.0", string minVersion = "1.0.0", bool allowDowngrade = false) =>
        new(version, ["raspberry-pi-4", "raspberry-pi-5"], Build, minVersion, allowDowngrade);

    public static (string Path, byte[] Bytes, UnixFileMode Mode)[] Files() =>
    [
        ("bin/edge-service", Pattern(70_000, 1), (UnixFileMode)0x1ED),
        ("config/appsettings.json", "{\"Edge\":{\"Sensor\":{\"Agency\":\"hanoi\"}}}"u8.ToArray(), (UnixFileMode)0x1A4),
        ("intel/snapshot.bin", Pattern(3_000, 2), (UnixFileMode)0x1A4),
        ("systemd/edge-service.service", "[Unit]\nDescription=Edge sensor\n"u8.ToArray(), (UnixFileMode)0x1A4),
    ];

    public static BundleSource[] Sources((string Path, byte[] Bytes, UnixFileMode Mode)[] files) =>
        files.Select(f => new BundleSource(f.Path, f.Bytes.Length, f.Mode, () => new MemoryStream(f.Bytes, writable: false))).ToArray();

    public static byte[] Create(BundleWriteOptions? options = null, string keyId = KeyId, byte[]? key = null)
    {
        using var output = new MemoryStream();
        new BundleWriter(keyId, key ?? PrivateKey).Write(output, options ?? Options(), Sources(Files()));
        return output.ToArray();
    }

    public static BundleVerification Verify(byte[] bundle, BundlePolicy? policy = null, TrustedKeys? keys = null, string? extractTo = null) =>
        new BundleVerifier(keys ?? Trust(), policy ?? new BundlePolicy()).Verify(new MemoryStream(bundle, writable: false), extractTo);

    /// <summary>The manifest bytes of <paramref name="bundle"/>, as UTF-8 text.</summary>
    public static string ManifestText(byte[] bundle) =>
        Encoding.UTF8.GetString(bundle, BundleFormat.HeaderSize, ManifestLength(bundle));

    public static int ManifestLength(byte[] bundle) =>
        (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bundle.AsSpan(12));

    public static byte[] Payload(byte[] bundle) => bundle[(BundleFormat.HeaderSize + ManifestLength(bundle) + BundleFormat.SignatureSize)..];

    /// <summary>A correctly signed bundle around any manifest text, so a rule is tested on its own.</summary>
    public static byte[] Assemble(string manifest, byte[] payload, byte[]? key = null)
    {
        var manifestBytes = Encoding.UTF8.GetBytes(manifest);
        var signature = Ed25519Signatures.Sign(key ?? PrivateKey, BundleSigning.SignedMessage(manifestBytes));
        var header = new byte[BundleFormat.HeaderSize];
        new BundleHeader(1, manifestBytes.Length, signature.Length).Write(header);
        return [.. header, .. manifestBytes, .. signature, .. payload];
    }

    public static string Serialize(BundleManifest manifest) =>
        JsonSerializer.Serialize(manifest, BundleJsonContext.Default.BundleManifest);

    public static BundleManifest Manifest(byte[] bundle) =>
        JsonSerializer.Deserialize(ManifestText(bundle), BundleJsonContext.Default.BundleManifest)!;

    /// <summary>Deterministic bytes (xorshift), different per seed.</summary>
    public static byte[] Pattern(int length, ulong seed)
    {
        var bytes = new byte[length];
        var x = seed * 0x9E3779B97F4A7C15UL + 1;
        for (var i = 0; i < length; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            bytes[i] = (byte)x;
        }
        return bytes;
    }
}

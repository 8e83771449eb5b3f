using System.Security.Cryptography;
using System.Text.Json;
using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Bundles;

/// <summary>Writes a signed bundle in one pass over the sources: the payload is streamed (and
/// hashed) after a gap the size of header, manifest and signature, then the gap is filled. This
/// works because the manifest's length does not depend on the hash values (always 64 hex digits).
/// The output must be seekable.</summary>
public sealed class BundleWriter
{
    private const string PlaceholderHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly string _keyId;
    private readonly byte[] _privateKey;

    public BundleWriter(string keyId, ReadOnlySpan<byte> privateKey)
    {
        if (!TrustedKeys.IsKeyId(keyId))
            throw new ArgumentException($"key id '{keyId}' must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'", nameof(keyId));
        _ = Ed25519Signatures.PublicKeyOf(privateKey);
        _keyId = keyId;
        _privateKey = privateKey.ToArray();
    }

    /// <exception cref="ArgumentException">the manifest would be refused (the refusal's message says why).</exception>
    /// <exception cref="InvalidDataException">a source's length differs from its declared size.</exception>
    public BundleManifest Write(Stream output, BundleWriteOptions options, IReadOnlyList<BundleSource> sources)
    {
        if (!output.CanSeek || !output.CanWrite)
            throw new ArgumentException("the output must be a writable, seekable stream", nameof(output));
        var draft = Manifest(options, sources, sources.Select(_ => PlaceholderHash).ToArray());
        if (BundleManifestRules.Check(draft) is { } refusal)
            throw new ArgumentException(refusal.ToString(), nameof(sources));
        var draftLength = Serialize(draft).Length;
        var start = output.Position;
        output.Position = start + BundleFormat.HeaderSize + draftLength + BundleFormat.SignatureSize;

        var hashes = new string[sources.Count];
        var buffer = new byte[BundlePayload.BufferSize];
        for (var i = 0; i < sources.Count; i++)
            hashes[i] = CopyHashed(sources[i], output, buffer);
        var end = output.Position;

        var manifest = Manifest(options, sources, hashes);
        var manifestBytes = Serialize(manifest);
        if (manifestBytes.Length != draftLength)
            throw new InvalidOperationException("manifest length changed between draft and final (a bug)");
        var signature = Ed25519Signatures.Sign(_privateKey, BundleSigning.SignedMessage(manifestBytes));
        Span<byte> header = stackalloc byte[BundleFormat.HeaderSize];
        new BundleHeader(BundleFormat.FormatVersion, manifestBytes.Length, signature.Length).Write(header);
        output.Position = start;
        output.Write(header);
        output.Write(manifestBytes);
        output.Write(signature);
        output.Position = end;
        return manifest;
    }

    private BundleManifest Manifest(BundleWriteOptions options, IReadOnlyList<BundleSource> sources, string[] hashes) =>
        new(BundleFormat.Schema, options.Version, options.Boards, options.MinVersion, options.AllowDowngrade, _keyId, options.Build,
            sources.Select((s, i) => new BundleFileEntry(s.Path, s.Size, hashes[i], BundleFileMode.Format(s.Mode))).ToArray());

    private static byte[] Serialize(BundleManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, BundleJsonContext.Default.BundleManifest);

    private static string CopyHashed(BundleSource source, Stream output, byte[] buffer)
    {
        using var input = source.Open();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long copied = 0;
        int read;
        // Bounded: refuses to copy past the declared size, so a growing source cannot run forever.
        while ((read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, source.Size - copied + 1))) > 0)
        {
            copied += read;
            if (copied > source.Size)
                throw new InvalidDataException($"'{source.Path}' grew while being packed (declared {source.Size} bytes)");
            sha.AppendData(buffer, 0, read);
            output.Write(buffer, 0, read);
        }
        if (copied != source.Size)
            throw new InvalidDataException($"'{source.Path}' has {copied} bytes, declared {source.Size}");
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

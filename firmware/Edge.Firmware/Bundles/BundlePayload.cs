using System.Security.Cryptography;

namespace Edge.Firmware.Bundles;

/// <summary>Streams the payload after the signature: each file in manifest order through SHA-256
/// with one fixed buffer, then insists the bundle ends exactly there.</summary>
internal static class BundlePayload
{
    public const int BufferSize = 64 * 1024;

    public static BundleRefusal? Check(Stream bundle, BundleManifest manifest, BundleExtraction? extraction)
    {
        var buffer = new byte[BufferSize];
        Span<byte> actual = stackalloc byte[32];
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < manifest.Files.Count; i++)
        {
            var entry = manifest.Files[i];
            var refusal = CopyOne(bundle, entry, i, buffer, sha, extraction);
            if (refusal is not null)
                return refusal;
            sha.GetHashAndReset(actual);
            if (!Convert.FromHexString(entry.Sha256).AsSpan().SequenceEqual(actual))
                return new(BundleRefusalCode.HashMismatch, $"files[{i}] '{entry.Path}': SHA-256 is {Convert.ToHexStringLower(actual)}, the manifest says {entry.Sha256}");
        }
        if (bundle.Read(buffer, 0, 1) > 0)
            return new(BundleRefusalCode.TrailingBytes, $"bytes follow the last file ('{manifest.Files[^1].Path}')");
        return null;
    }

    private static BundleRefusal? CopyOne(Stream bundle, BundleFileEntry entry, int index, byte[] buffer, IncrementalHash sha, BundleExtraction? extraction)
    {
        FileStream? output = null;
        try
        {
            if (extraction is not null)
            {
                try
                {
                    output = extraction.Create(entry.Path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return ExtractionFailed(entry, index, e);
                }
            }
            // Each pass consumes at least one byte or stops, so the loop runs at most Size times.
            for (var remaining = entry.Size; remaining > 0;)
            {
                var read = bundle.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (read == 0)
                    return BundleReader.Truncated($"files[{index}] '{entry.Path}' has {entry.Size - remaining} of {entry.Size} bytes");
                sha.AppendData(buffer, 0, read);
                if (output is not null && Write(output, buffer, read, entry, index) is { } writeFailed)
                    return writeFailed;
                remaining -= read;
            }
            if (output is not null)
                return Finish(output, entry, index);
            return null;
        }
        finally
        {
            output?.Dispose();
        }
    }

    // Only the extraction's own file operations become extraction-failed; a read error of the
    // bundle stream propagates to the caller unchanged.
    private static BundleRefusal? Write(FileStream output, byte[] buffer, int count, BundleFileEntry entry, int index)
    {
        try
        {
            output.Write(buffer, 0, count);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ExtractionFailed(entry, index, e);
        }
    }

    private static BundleRefusal? Finish(FileStream output, BundleFileEntry entry, int index)
    {
        try
        {
            BundleExtraction.Finish(output, BundleFileMode.Parse(entry.Mode));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ExtractionFailed(entry, index, e);
        }
    }

    private static BundleRefusal ExtractionFailed(BundleFileEntry entry, int index, Exception e) =>
        new(BundleRefusalCode.ExtractionFailed, $"files[{index}] '{entry.Path}': {e.Message}");
}

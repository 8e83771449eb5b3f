using System.Security.Cryptography;

namespace Edge.Uplink.Commands.Handlers;

/// <summary>A chunked intel list on its way in: chunks appended in order to a temp file and hashed
/// as they come. Deleting the file is the owner's job (<see cref="Dispose"/>).</summary>
internal sealed class IntelTransfer : IDisposable
{
    private readonly FileStream _file;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public IntelTransfer(string id, string list, string? category, string sha256, long size, int count, string path, DateTimeOffset now)
    {
        Id = id;
        List = list;
        Category = category;
        Sha256 = sha256;
        Size = size;
        Count = count;
        Path = path;
        LastChunk = now;
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    public string Id { get; }
    public string List { get; }
    public string? Category { get; }
    public string Sha256 { get; }
    public long Size { get; }
    public int Count { get; }
    public string Path { get; }

    /// <summary>The index the next chunk must have.</summary>
    public int Next { get; private set; }

    public long Received { get; private set; }

    public DateTimeOffset LastChunk { get; private set; }

    public bool IsComplete => Next == Count;

    public async ValueTask AppendAsync(byte[] data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _file.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        _hash.AppendData(data);
        Received += data.Length;
        Next++;
        LastChunk = now;
    }

    /// <summary>Closes the file and gives the SHA-256 (lower-case hex) of all it received.</summary>
    public async ValueTask<string> FinishAsync()
    {
        await _file.FlushAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    public void Dispose()
    {
        _file.Dispose();
        _hash.Dispose();
        TempFiles.Delete(Path);
    }
}

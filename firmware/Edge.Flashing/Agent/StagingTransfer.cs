using System.Security.Cryptography;
using Edge.Flashing.Messages;

namespace Edge.Flashing.Agent;

/// <summary>
/// The bundle being received: incoming.part, written only at the next expected offset, plus
/// incoming.state, rewritten after every fsync. After a crash, everything up to the state's
/// confirmed offset is known good; anything past it is cut off when the transfer resumes.
/// </summary>
internal sealed class StagingTransfer : IDisposable
{
    public const string PartFileName = "incoming.part";
    public const string StateFileName = "incoming.state";

    private readonly FileStream _file;
    private readonly string _statePath;
    private readonly int _syncEvery;
    private int _unsynced;

    private StagingTransfer(FileStream file, string partPath, string statePath, BeginMessage begin, long offset, int syncEvery)
    {
        _file = file;
        PartPath = partPath;
        _statePath = statePath;
        Begin = begin;
        Expected = offset;
        _syncEvery = syncEvery;
    }

    public BeginMessage Begin { get; }

    public string PartPath { get; }

    /// <summary>The next offset this transfer accepts; everything before it is in the file.</summary>
    public long Expected { get; private set; }

    public static StagingTransfer Open(string directory, BeginMessage begin, int syncEvery)
    {
        Directory.CreateDirectory(directory);
        var partPath = Path.Combine(directory, PartFileName);
        var statePath = Path.Combine(directory, StateFileName);
        long offset = 0;
        if (begin.Resume && TransferState.TryLoad(statePath, out var state) && state.BundleSize == begin.BundleSize
            && state.Sha256.AsSpan().SequenceEqual(begin.Sha256) && File.Exists(partPath)
            && new FileInfo(partPath).Length >= state.ConfirmedOffset)
            offset = state.ConfirmedOffset;
        var file = new FileStream(partPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        try
        {
            file.SetLength(offset);
            file.Position = offset;
            new TransferState(begin.BundleSize, begin.Sha256, offset).Save(statePath);
            return new StagingTransfer(file, partPath, statePath, begin, offset, syncEvery);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        _file.Write(data);
        Expected += data.Length;
        _unsynced += data.Length;
        if (_unsynced >= _syncEvery)
            Checkpoint();
    }

    /// <summary>fsync, then record the offset: the state never claims bytes the disk may not hold.</summary>
    public void Checkpoint()
    {
        _file.Flush(flushToDisk: true);
        new TransferState(Begin.BundleSize, Begin.Sha256, Expected).Save(_statePath);
        _unsynced = 0;
    }

    /// <summary>The link went away: keep everything received for the next Begin.</summary>
    public void Suspend()
    {
        try
        {
            Checkpoint();
        }
        finally
        {
            _file.Dispose();
        }
    }

    public byte[] FinishAndHash()
    {
        _file.Flush(flushToDisk: true);
        _file.Position = 0;
        var hash = SHA256.HashData(_file);
        _file.Dispose();
        return hash;
    }

    /// <summary>Done with this bundle (installed, refused or corrupt): the next Begin starts from zero.</summary>
    public void Discard()
    {
        _file.Dispose();
        File.Delete(_statePath);
        File.Delete(PartPath);
    }

    public void Dispose() => _file.Dispose();
}

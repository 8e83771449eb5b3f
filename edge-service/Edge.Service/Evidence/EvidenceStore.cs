using Edge.Detect.Evidence;

namespace Edge.Service.Evidence;

/// <summary>The evidence store on the sensor: one writer task takes finished captures off the
/// <see cref="EvidenceQueue"/> and writes each as <c>&lt;alert id&gt;.pcap</c> in one directory, kept
/// under a size cap and a file-count cap by deleting the oldest first (files already there at start
/// count, oldest by modification time). Disk failures are counted, never thrown at the capture thread.</summary>
public sealed class EvidenceStore
{
    private readonly EvidenceOptions _options;
    private readonly EvidenceQueue _queue;
    private readonly EvidenceFiles _files = new();
    private bool _ready;
    private Task? _writer;

    public EvidenceStore(EvidenceOptions options, EvidenceQueue queue)
    {
        options.Validate();
        if (string.IsNullOrWhiteSpace(options.Directory))
            throw new ArgumentException("the evidence store needs a directory", nameof(options));
        _options = options;
        _queue = queue;
        Directory = Path.GetFullPath(options.Directory);
    }

    public string Directory { get; }

    public EvidenceStoreCounters Counters { get; } = new();

    /// <summary>Files and bytes in the store now (as the writer knows them).</summary>
    public (int Files, long Bytes) Size
    {
        get
        {
            lock (_files)
                return (_files.Count, _files.TotalBytes);
        }
    }

    /// <summary>Takes stock of the directory (creating it) and starts the writer.</summary>
    public void Start()
    {
        if (_writer is not null)
            throw new InvalidOperationException("the evidence store is already started");
        Open();
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>No more captures: waits up to <paramref name="timeout"/> for the queued ones to be
    /// written; false when they were not all written in time.</summary>
    public bool Complete(TimeSpan timeout)
    {
        _queue.Complete();
        return _writer is null || _writer.Wait(timeout);
    }

    private async Task WriteAllAsync()
    {
        await foreach (var capture in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Store(capture);
            }
            finally
            {
                capture.Release();
            }
        }
    }

    private void Open()
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var found = new List<FileInfo>();
            foreach (var file in new DirectoryInfo(Directory).EnumerateFiles())
            {
                if (file.Name.EndsWith(PcapEvidenceFile.TemporaryExtension, StringComparison.Ordinal))
                {
                    file.Delete();
                    Counters.LeftoversRemoved++;
                }
                else if (file.Name.EndsWith(PcapEvidenceFile.Extension, StringComparison.Ordinal))
                {
                    found.Add(file);
                }
            }
            found.Sort((a, b) => a.LastWriteTimeUtc != b.LastWriteTimeUtc
                ? a.LastWriteTimeUtc.CompareTo(b.LastWriteTimeUtc)
                : string.CompareOrdinal(a.Name, b.Name));
            lock (_files)
            {
                foreach (var file in found)
                    _files.Add(file.Name, file.Length);
                Counters.FoundFiles = _files.Count;
                Counters.FoundBytes = _files.TotalBytes;
                MakeRoom(0);
            }
            _ready = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Tried again with the next capture: a disk mounted late still gets evidence.
            Counters.Failed($"{Directory}: {e.Message}");
        }
    }

    private void Store(EvidenceCapture capture)
    {
        if (!_ready)
        {
            Open();
            if (!_ready)
                return;
        }
        var name = capture.FileName;
        if (name.Length == 0 || Path.GetFileName(name) != name || !name.EndsWith(PcapEvidenceFile.Extension, StringComparison.Ordinal))
        {
            Counters.Failed($"refused evidence file name '{name}'");
            return;
        }
        var size = PcapEvidenceFile.Size(capture);
        long replaced;
        lock (_files)
        {
            replaced = _files.Remove(name);
            MakeRoom(size);
        }
        try
        {
            PcapEvidenceFile.Write(Path.Combine(Directory, name), capture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Counters.Failed($"{name}: {e.Message}");
            if (replaced >= 0)
            {
                lock (_files)
                    _files.Add(name, replaced);
            }
            return;
        }
        lock (_files)
            _files.Add(name, size);
        Counters.Written(size, capture.Packets);
    }

    /// <summary>Deletes the oldest files until <paramref name="incoming"/> more bytes and one more file fit.</summary>
    private void MakeRoom(long incoming)
    {
        var maxFiles = _options.MaxFiles > 0 ? _options.MaxFiles : int.MaxValue;
        var newFiles = incoming > 0 ? 1 : 0;
        while (_files.Count > 0 && (_files.TotalBytes + incoming > _options.MaxBytes || _files.Count + newFiles > maxFiles))
        {
            _files.TryTakeOldest(out var oldest, out var bytes);
            try
            {
                File.Delete(Path.Combine(Directory, oldest));
                Counters.Evicted(bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Forgotten all the same, so one stuck file cannot stop the store.
                Counters.Failed($"{oldest}: {e.Message}");
            }
        }
    }
}

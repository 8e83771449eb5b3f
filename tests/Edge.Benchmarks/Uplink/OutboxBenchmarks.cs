using BenchmarkDotNet.Attributes;
using Edge.Uplink.Outbox;

namespace Edge.Benchmarks.Uplink;

/// <summary>The SQLite outbox on the temp folder's disk, Full against Normal: one Add (one commit),
/// AddRange of 64 (one commit; Mean is per message), and Read(after, 1) + Delete of the oldest (what
/// the uplink does per PUBACK). Each iteration starts a fresh file, so the outbox never fills and
/// nothing is dropped; ReadDelete's file is filled with as many messages as the iteration takes.</summary>
[MemoryDiagnoser]
[InvocationCount(Invocations)]
public class OutboxBenchmarks : IDisposable
{
    private const int Invocations = 1024;
    private const int Batch = 64;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "edge-outbox-bench-" + Environment.ProcessId);
    private readonly OutboxItem _item = new("edge/v1/agency-7/lan-edge-1/alert/phishing", new byte[600], OutboxPriority.High, "01JD8X6Q0M7ZK3V9T5R2W4Y6B8");
    private OutboxItem[] _batch = [];
    private SqliteOutbox? _outbox;
    private long _after;
    private int _file;

    [Params(OutboxSynchronous.Full, OutboxSynchronous.Normal)]
    public OutboxSynchronous Synchronous { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        _batch = [.. Enumerable.Repeat(_item, Batch)];
    }

    [IterationSetup(Targets = [nameof(Add), nameof(AddRange64)])]
    public void Fresh() => Open();

    [IterationSetup(Target = nameof(ReadDelete))]
    public void Filled()
    {
        Open();
        for (var i = 0; i < Invocations; i += Batch)
            _outbox!.AddRange(_batch);
        _after = 0;
    }

    [IterationCleanup]
    public void Close() => _outbox?.Dispose();

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public long Add() => _outbox!.Add(_item).Sequence;

    [Benchmark(OperationsPerInvoke = Batch)]
    public int AddRange64() => _outbox!.AddRange(_batch).Count;

    [Benchmark]
    public long ReadDelete()
    {
        var record = _outbox!.Read(_after, 1)[0];
        _outbox.Delete(record.Sequence);
        return _after = record.Sequence;
    }

    public void Dispose()
    {
        _outbox?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Open()
    {
        var path = Path.Combine(_folder, $"outbox-{_file++}.db");
        _outbox = new SqliteOutbox(new OutboxOptions { Path = path, MaxBytes = 1L << 30, MaxMessages = 0, Synchronous = Synchronous });
    }
}

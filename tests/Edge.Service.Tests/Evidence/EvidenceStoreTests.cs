using System.Diagnostics;
using Edge.Detect.Evidence;
using Edge.Service.Evidence;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Service.Tests.Evidence;

public sealed class EvidenceStoreTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly IReadOnlyList<PcapFrame> SampleFrames = PcapFile.Read(Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edge-evidence-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Small captures of one 60-byte packet each: every file is 24 + 16 + 60 bytes.</summary>
    private EvidenceOptions Small(long maxBytes = 1 << 20, int maxFiles = 0) => new()
    {
        Directory = _folder,
        SnapLength = 64,
        PacketsBefore = 1,
        PacketsAfter = 0,
        RingBytes = 64 * 16,
        RingPackets = 16,
        MaxBytes = maxBytes,
        MaxFiles = maxFiles,
    };

    private const long SmallFileBytes = 24 + 16 + 60;

    private static EvidenceCapture Capture(string name, int packets = 1, int snapLength = 64)
    {
        var capture = new EvidenceCapture(name, flowId: 1, linkType: 1, snapLength, capacity: 256, packetsAfter: 0, deadlineMicros: 0);
        for (var i = 0; i < packets; i++)
        {
            var frame = packets == 1 ? new byte[60] : SampleFrames[i].Data;
            capture.Add(1_790_000_000_000_000 + i, frame.AsSpan(0, Math.Min(frame.Length, snapLength)), frame.Length);
        }
        return capture;
    }

    private static EvidenceStore Run(EvidenceOptions options, params string[] names)
    {
        var queue = new EvidenceQueue(64);
        var store = new EvidenceStore(options, queue);
        store.Start();
        foreach (var name in names)
            Assert.True(queue.TryAdd(Capture(name)));
        Assert.True(store.Complete(Wait));
        return store;
    }

    [Fact]
    public void A_capture_becomes_a_pcap_that_tshark_reads_frame_for_frame()
    {
        var queue = new EvidenceQueue(4);
        var store = new EvidenceStore(new EvidenceOptions { Directory = _folder }, queue);
        store.Start();
        Assert.True(queue.TryAdd(Capture("01ALERT.pcap", packets: 5, snapLength: 2048)));
        Assert.True(store.Complete(Wait));

        var path = Path.Combine(_folder, "01ALERT.pcap");
        var frames = PcapFile.Read(path);
        Assert.Equal(5, frames.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SampleFrames[i].Data, frames[i].Data);
            Assert.Equal(SampleFrames[i].OriginalLength, frames[i].OriginalLength);
            Assert.Equal(1, frames[i].LinkType);
        }
        Assert.Equal(5, Tshark(path).Length);
        Assert.Equal(1, store.Counters.FilesWritten);
        Assert.Equal(new FileInfo(path).Length, store.Counters.BytesWritten);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void Past_the_size_cap_the_oldest_files_are_deleted_first_and_counted()
    {
        var store = Run(Small(maxBytes: 3 * SmallFileBytes), "A.pcap", "B.pcap", "C.pcap", "D.pcap", "E.pcap");
        Assert.Equal(["C.pcap", "D.pcap", "E.pcap"], Names());
        Assert.Equal(2, store.Counters.FilesEvicted);
        Assert.Equal(2 * SmallFileBytes, store.Counters.BytesEvicted);
        Assert.Equal((3, 3 * SmallFileBytes), store.Size);
    }

    [Fact]
    public void Past_the_file_count_cap_the_oldest_files_are_deleted_first()
    {
        var store = Run(Small(maxFiles: 2), "A.pcap", "B.pcap", "C.pcap");
        Assert.Equal(["B.pcap", "C.pcap"], Names());
        Assert.Equal(1, store.Counters.FilesEvicted);
    }

    [Fact]
    public void After_a_restart_the_files_already_there_count_against_the_cap_oldest_first()
    {
        Run(Small(), "A.pcap", "B.pcap", "C.pcap");
        // Modification time orders an earlier run's files (B older than A here).
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "B.pcap"), DateTime.UtcNow.AddHours(-2));
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "A.pcap"), DateTime.UtcNow.AddHours(-1));
        File.WriteAllBytes(Path.Combine(_folder, "X.pcap.tmp"), [1, 2, 3]);

        var store = Run(Small(maxBytes: 3 * SmallFileBytes), "D.pcap");
        Assert.Equal(3, store.Counters.FoundFiles);
        Assert.Equal(3 * SmallFileBytes, store.Counters.FoundBytes);
        Assert.Equal(1, store.Counters.LeftoversRemoved);
        Assert.Equal(["A.pcap", "C.pcap", "D.pcap"], Names());
        Assert.Equal(1, store.Counters.FilesEvicted);
    }

    [Fact]
    public void A_smaller_cap_at_start_trims_the_store_at_once()
    {
        Run(Small(), "A.pcap", "B.pcap", "C.pcap", "D.pcap");
        var store = Run(Small(maxFiles: 2));
        Assert.Equal(2, store.Counters.FilesEvicted);
        Assert.Equal(2, Names().Length);
    }

    [Fact]
    public void A_directory_that_cannot_be_made_is_counted_not_thrown()
    {
        Directory.CreateDirectory(_folder);
        var blocker = Path.Combine(_folder, "a-file");
        File.WriteAllText(blocker, "not a folder");
        var queue = new EvidenceQueue(4);
        var store = new EvidenceStore(Small() with { Directory = Path.Combine(blocker, "evidence") }, queue);
        store.Start();
        Assert.True(queue.TryAdd(Capture("A.pcap")));
        Assert.True(queue.TryAdd(Capture("B.pcap")));
        Assert.True(store.Complete(Wait));
        Assert.Equal(0, store.Counters.FilesWritten);
        Assert.Equal(3, store.Counters.Errors); // at start, then once per capture
        Assert.NotNull(store.Counters.LastError);
    }

    [Fact]
    public void A_name_that_would_leave_the_store_is_refused()
    {
        var store = Run(Small(), "../escape.pcap", "ok.pcap");
        Assert.Equal(["ok.pcap"], Names());
        Assert.Equal(1, store.Counters.Errors);
        Assert.False(File.Exists(Path.Combine(_folder, "..", "escape.pcap")));
    }

    private string[] Names()
    {
        var names = Directory.GetFiles(_folder).Select(Path.GetFileName).Select(n => n!).ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    internal static string[] Tshark(string path)
    {
        var start = new ProcessStartInfo("tshark", ["-n", "-r", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, process.ExitCode);
        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

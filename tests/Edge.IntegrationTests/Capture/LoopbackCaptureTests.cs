using System.Diagnostics;
using Edge.Service.Capture;
using Edge.Service.Configuration;
using Edge.Watch.Link;

namespace Edge.IntegrationTests.Capture;

/// <summary>LiveInterfaceSource on the real loopback interface through libpcap, with datagrams the
/// test sends to 127.0.0.1 only. Capturing needs CAP_NET_RAW (root here and in CI).</summary>
public class LoopbackCaptureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public void The_filter_passes_exactly_the_datagrams_to_its_port()
    {
        RequireCapturePrivilege();
        const int Matching = 40;
        const int Others = 25;
        using var udp = new LoopbackUdp();
        var filter = $"udp and dst port {udp.MatchingPort}";
        using var source = LiveInterfaceSource.Open(Loopback(filter));
        Assert.Equal(LinkType.Ethernet, source.LinkType);
        Assert.Equal($"interface lo, filter '{filter}'", source.Description);

        for (var i = 0; i < Matching; i++)
        {
            udp.Send(udp.Matching, i);
            if (i < Others)
                udp.Send(udp.Other, 1000 + i);
        }
        var sequences = new List<int>();
        long wireBytes = 0;
        var clock = Stopwatch.StartNew();
        while (sequences.Count < Matching && clock.Elapsed < ReadLimit)
        {
            var read = source.Read(out var frame);
            if (read == CaptureRead.End)
                break;
            if (read != CaptureRead.Frame)
                continue;
            Assert.True(LoopbackUdp.TryParse(frame.Data, out var port, out var sequence), "a test datagram");
            Assert.Equal(udp.MatchingPort, port);
            Assert.Equal(frame.Data.Length, frame.WireLength);
            sequences.Add(sequence);
            wireBytes += frame.WireLength;
        }
        // Anything still to come arrives before the first quiet 100 ms.
        var extra = ReadUntilIdle(source);

        Assert.Equal(Enumerable.Range(0, Matching), sequences);
        Assert.Equal(0, extra);
        Assert.Equal(Others, LoopbackUdp.Drain(udp.Other, Others, TimeSpan.FromSeconds(2)));
        var counters = source.Counters;
        Assert.Equal(Matching, counters.Received);
        Assert.Equal(wireBytes, counters.Bytes);
        Assert.Equal(Matching * (14 + 20 + 8 + LoopbackUdp.PayloadLength(0)), counters.Bytes);
        Assert.Equal(0, counters.KernelDrops);
        Assert.Null(source.Error);
    }

    [Fact]
    public void Stop_ends_a_blocked_read_within_200_ms()
    {
        RequireCapturePrivilege();
        using var udp = new LoopbackUdp();
        using var source = LiveInterfaceSource.Open(Loopback($"udp and dst port {udp.MatchingPort}"));
        using var idle = new ManualResetEventSlim();
        var stopping = new Stopwatch();
        var stoppedAfter = TimeSpan.MaxValue;
        var reader = new Thread(() =>
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < ReadLimit)
            {
                var read = source.Read(out _);
                if (read == CaptureRead.End)
                {
                    stoppedAfter = stopping.Elapsed;
                    return;
                }
                if (read == CaptureRead.Idle)
                    idle.Set();
            }
        });
        reader.Start();

        Assert.True(idle.Wait(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken), "a quiet interface reads as Idle");
        stopping.Start();
        source.Stop();
        Assert.True(reader.Join(TimeSpan.FromSeconds(5)), "the reader ended");

        output.WriteLine($"End {stoppedAfter.TotalMilliseconds:F1} ms after Stop");
        Assert.True(stoppedAfter < TimeSpan.FromMilliseconds(200), $"Read returned End {stoppedAfter.TotalMilliseconds:F0} ms after Stop");
        Assert.Equal(CaptureRead.End, source.Read(out _));
        Assert.Null(source.Error);
    }

    [Fact]
    public void A_read_after_dispose_ends_without_touching_the_closed_handle()
    {
        RequireCapturePrivilege();
        var source = LiveInterfaceSource.Open(Loopback("udp and dst port 9"));
        source.Dispose();

        Assert.Equal(CaptureRead.End, source.Read(out _));
        Assert.Equal(0, source.Counters.Received);
    }

    [Fact]
    public void A_full_buffer_counts_kernel_drops()
    {
        RequireCapturePrivilege();
        const int Sent = 2000;
        using var udp = new LoopbackUdp();
        var settings = Loopback($"udp and dst port {udp.MatchingPort}");
        settings.BufferMiB = 1;
        using var source = LiveInterfaceSource.Open(settings);

        // Nobody reads while 2000 frames of 1400 bytes go into a 1 MiB ring.
        for (var i = 0; i < Sent; i++)
            udp.Send(udp.Matching, i, size: 1400);
        ReadUntilIdle(source);
        source.Stop();
        Assert.Equal(CaptureRead.End, source.Read(out _));

        var counters = source.Counters;
        output.WriteLine($"{Sent} sent into 1 MiB: {counters}");
        Assert.InRange(counters.Received, 1, Sent - 1);
        Assert.True(counters.KernelDrops > 0, $"kernel drops {counters.KernelDrops}");
        // Loopback hands each datagram to the socket twice (out and in; libpcap keeps one), so a drop
        // may be either copy: every datagram is received or dropped at least once.
        Assert.True(counters.Received + counters.KernelDrops >= Sent, $"{counters}");
    }

    [Fact]
    public void Reading_frames_allocates_nothing()
    {
        RequireCapturePrivilege();
        const int PerRound = 200;
        using var udp = new LoopbackUdp();
        using var source = LiveInterfaceSource.Open(Loopback($"udp and dst port {udp.MatchingPort}"));
        for (var i = 0; i < 2 * PerRound; i++)
            udp.Send(udp.Matching, i);

        // The same loop twice: the first round carries the JIT's one-off tier-up.
        Assert.Equal(PerRound, ReadFrames(source, PerRound));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = ReadFrames(source, PerRound);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{read} frames read, {allocated} bytes allocated");
        Assert.Equal(PerRound, read);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void A_filter_libpcap_cannot_compile_is_refused_with_its_text()
    {
        RequireCapturePrivilege();
        var e = Assert.Throws<ConfigurationException>(() => LiveInterfaceSource.Open(Loopback("udp and dst port")));

        output.WriteLine(e.Message);
        Assert.Equal("Edge:Capture:Filter", e.Key);
        Assert.Contains("'udp and dst port'", e.Message, StringComparison.Ordinal);
        Assert.Contains("syntax error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_interface_is_refused_with_the_list_of_interfaces()
    {
        var settings = Loopback("");
        settings.Interface = "edge-nosuch0";

        var e = Assert.Throws<ConfigurationException>(() => LiveInterfaceSource.Open(settings));

        output.WriteLine(e.Message);
        Assert.Equal("Edge:Capture:Interface", e.Key);
        Assert.Contains("'edge-nosuch0'", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"available: (.+, )?lo(,|$)", e.Message);
    }

    internal static CaptureSettings Loopback(string filter) => new()
    {
        Interface = "lo",
        Filter = filter,
        Promiscuous = false,
        BufferMiB = 4,
    };

    internal static void RequireCapturePrivilege()
    {
        if (!Environment.IsPrivilegedProcess)
            Assert.Skip("live capture needs CAP_NET_RAW: run the integration tests as root (as CI does)");
    }

    private static int ReadFrames(LiveInterfaceSource source, int count)
    {
        var frames = 0;
        var reads = 0;
        // Bounded: each read waits at most ~100 ms, so 100 idle reads is ten quiet seconds.
        while (frames < count && reads < count + 100)
        {
            reads++;
            var read = source.Read(out var frame);
            if (read == CaptureRead.End)
                break;
            if (read == CaptureRead.Frame && frame.Data.Length > 0)
                frames++;
        }
        return frames;
    }

    private static int ReadUntilIdle(LiveInterfaceSource source)
    {
        var frames = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadLimit && source.Read(out _) == CaptureRead.Frame)
            frames++;
        return frames;
    }
}

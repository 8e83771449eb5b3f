using System.Diagnostics;
using System.Text;
using Edge.Service.Capture;
using Edge.Service.Configuration;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static Edge.Service.Tests.Capture.TestCapture;

namespace Edge.Service.Tests.Capture;

public sealed class FileFrameSourceTests : IDisposable
{
    // An arbitrary capture start (2026-11-01), so frame times are realistic epoch microseconds.
    private const long Start = 1_793_577_600_000_000;
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly List<TimeSpan> _waits = [];

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Fast_hands_out_every_frame_without_waiting()
    {
        var path = Write(_folder.File("fast.pcap"), Start, Start + Seconds(5), Start + Seconds(60));
        using var source = new FileFrameSource(path, CapturePace.Fast, _clock, Wait);

        Assert.Equal("F0 F1 F2 E", Trace(source));
        Assert.Empty(_waits);
        Assert.Equal(new CaptureCounters(3, 3 * FrameLength, 0, 0), source.Counters);
        Assert.Equal("file fast.pcap, fast", source.Description);
        Assert.Null(source.Error);
    }

    [Fact]
    public void Realtime_holds_each_frame_until_its_offset_from_the_first_has_passed()
    {
        var path = Write(_folder.File("paced.pcap"), Start, Start + Seconds(0.25), Start + Seconds(0.25), Start + Seconds(1));
        using var source = new FileFrameSource(path, CapturePace.Realtime, _clock, Wait);

        // Idle after each 100 ms wait that did not reach the frame's time.
        Assert.Equal("F0@0 I I F1@250 F2@250 I I I I I I I F3@1000 E", Trace(source, withTimes: true));
        Assert.All(_waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(100)));
        Assert.Equal(TimeSpan.FromSeconds(1), _waits.Aggregate(TimeSpan.Zero, (a, b) => a + b));
        Assert.Equal("file paced.pcap, realtime", source.Description);
        Assert.Equal(4, source.Counters.Received);
    }

    [Fact]
    public void At_speed_10_every_gap_is_ten_times_shorter()
    {
        var path = Write(_folder.File("fast-forward.pcap"), Start, Start + Seconds(1), Start + Seconds(3));
        using var source = new FileFrameSource(path, CapturePace.Realtime, _clock, Wait) { Speed = 10 };

        Assert.Equal("F0@0 F1@100 I F2@300 E", Trace(source, withTimes: true));
        Assert.Equal("file fast-forward.pcap, realtime ×10", source.Description);
    }

    [Fact]
    public void Realtime_counts_from_when_the_first_frame_was_handed_out()
    {
        var path = Write(_folder.File("late.pcap"), Start, Start + Seconds(0.1));
        using var source = new FileFrameSource(path, CapturePace.Realtime, _clock, Wait);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("F0@0 F1@100 E", Trace(source, withTimes: true));
    }

    [Fact]
    public void A_pause_of_days_is_cut_to_the_max_gap_and_counted()
    {
        var path = Write(_folder.File("pause.pcap"), Start, Start + Seconds(3 * 86400), Start + Seconds((3 * 86400) + 1));
        using var source = new FileFrameSource(path, CapturePace.Realtime, _clock, Wait);

        var trace = Trace(source, withTimes: true);

        Assert.EndsWith("F1@10000 I I I I I I I I I F2@11000 E", trace, StringComparison.Ordinal);
        Assert.Equal(1, source.ClampedGaps);
        Assert.Equal(TimeSpan.FromSeconds(10), source.MaxGap);
    }

    [Fact]
    public void The_max_gap_can_be_set()
    {
        var path = Write(_folder.File("pause.pcap"), Start, Start + Seconds(30), Start + Seconds(30.15));
        using var source = new FileFrameSource(path, CapturePace.Realtime, _clock, Wait) { MaxGap = TimeSpan.FromMilliseconds(200) };

        Assert.Equal("F0@0 I F1@200 I F2@350 E", Trace(source, withTimes: true));
        Assert.Equal(1, source.ClampedGaps);
    }

    [Fact]
    public void A_frame_out_of_order_is_due_at_once_and_adds_no_drift()
    {
        var path = Write(_folder.File("reordered.pcap"), Start, Start + Seconds(0.2), Start + Seconds(0.1), Start + Seconds(0.3));
        using var source = new FileFrameSource(path, CapturePace.Realtime, _clock, Wait);

        Assert.Equal("F0@0 I F1@200 F2@200 F3@300 E", Trace(source, withTimes: true));
        Assert.Equal(1, source.TimeReversals);
    }

    [Fact]
    public void A_clock_stepped_back_far_restarts_the_spacing_from_there()
    {
        var path = Write(_folder.File("stepped.pcap"), Start, Start + Seconds(0.1), Start - Seconds(3600), Start - Seconds(3599.9));
        using var source = new FileFrameSource(path, CapturePace.Realtime, _clock, Wait);

        Assert.Equal("F0@0 F1@100 F2@100 F3@200 E", Trace(source, withTimes: true));
        Assert.Equal(1, source.TimeReversals);
        Assert.Equal(0, source.ClampedGaps);
    }

    [Fact]
    public void Stop_ends_a_waiting_read_at_once_and_every_read_after()
    {
        var path = Write(_folder.File("slow.pcap"), Start, Start + Seconds(60));
        using var source = new FileFrameSource(path, CapturePace.Realtime, TimeProvider.System);
        Assert.Equal(CaptureRead.Frame, source.Read(out _));
        Assert.Equal(CaptureRead.Idle, source.Read(out _));
        var stoppedAfter = TimeSpan.MaxValue;
        var stopping = new Stopwatch();
        var reader = new Thread(() =>
        {
            for (var reads = 0; reads < 1000; reads++)
            {
                if (source.Read(out _) == CaptureRead.End)
                {
                    stoppedAfter = stopping.Elapsed;
                    return;
                }
            }
        });
        reader.Start();

        stopping.Start();
        source.Stop();
        Assert.True(reader.Join(TimeSpan.FromSeconds(5)), "the reader ended");

        Assert.True(stoppedAfter < TimeSpan.FromMilliseconds(200), $"End {stoppedAfter.TotalMilliseconds:F0} ms after Stop");
        Assert.Equal(CaptureRead.End, source.Read(out _));
        Assert.Null(source.Error);
    }

    [Fact]
    public void A_file_cut_short_ends_with_the_error()
    {
        var path = Write(_folder.File("cut.pcap"), Start, Start + 1, Start + 2);
        using (var file = File.OpenWrite(path))
            file.SetLength(file.Length - 10);
        using var source = new FileFrameSource(path, CapturePace.Fast, _clock, Wait);

        Assert.Equal("F0 F1 E", Trace(source));
        Assert.NotNull(source.Error);
        Assert.Equal(CaptureRead.End, source.Read(out _));
    }

    [Fact]
    public void A_missing_file_is_refused_by_name()
    {
        var path = _folder.File("missing.pcap");

        var e = Assert.Throws<FileNotFoundException>(() => new FileFrameSource(path, CapturePace.Fast, _clock));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    private void Wait(TimeSpan span)
    {
        _waits.Add(span);
        _clock.Advance(span);
    }

    /// <summary>Reads to the end: F and the frame's index (and with <paramref name="withTimes"/>, @ the
    /// milliseconds since the first frame on the fake clock), I for Idle, E for End.</summary>
    private string Trace(FileFrameSource source, bool withTimes = false)
    {
        var trace = new StringBuilder();
        long? first = null;
        for (var reads = 0; reads < 10_000; reads++)
        {
            var read = source.Read(out var frame);
            if (trace.Length > 0)
                trace.Append(' ');
            if (read == CaptureRead.End)
                return trace.Append('E').ToString();
            if (read == CaptureRead.Idle)
            {
                trace.Append('I');
                continue;
            }
            trace.Append('F').Append(frame.Data[0]);
            first ??= _clock.GetTimestamp();
            if (withTimes)
                trace.Append('@').Append((long)_clock.GetElapsedTime(first.Value).TotalMilliseconds);
        }
        throw new InvalidOperationException("no End within 10000 reads");
    }
}

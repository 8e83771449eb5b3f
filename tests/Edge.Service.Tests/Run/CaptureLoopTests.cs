using Edge.Service.Capture;
using Edge.Service.Configuration;
using Edge.Service.Run;
using Edge.Uplink.Tests.TestSupport;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;
using Microsoft.Extensions.Time.Testing;
using static Edge.Service.Tests.Capture.TestCapture;

namespace Edge.Service.Tests.Run;

public sealed class CaptureLoopTests : IDisposable
{
    private const long Start = 1_793_577_600_000_000;
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_frame_reaches_the_engine_and_quiet_seconds_move_capture_time_on_for_housekeeping()
    {
        var path = Write(_folder.File("quiet.pcap"), Start, Start + Seconds(5));
        using var source = new FileFrameSource(path, CapturePace.Realtime, _clock, _clock.Advance);
        var engine = new WatchEngine(new WatchOptions(), NullWatchObserver.Instance);
        var housekeeping = new List<long>();
        var loop = new CaptureLoop(source, engine, housekeeping.Add, _clock);

        loop.Run();

        Assert.True(loop.Finished);
        Assert.Null(loop.Crash);
        Assert.Equal(2, engine.Counters.Packets);
        // The first quiet read comes 100 ms after the first frame, then once a second.
        Assert.Equal([Start + 100_000, Start + 1_100_000, Start + 2_100_000, Start + 3_100_000, Start + 4_100_000], housekeeping);
        Assert.Equal(_clock.GetTimestamp(), loop.LastProgress);
    }

    [Fact]
    public void A_source_that_throws_ends_the_loop_with_the_crash_kept_for_the_status()
    {
        using var source = new ThrowingSource();
        var loop = new CaptureLoop(source, new WatchEngine(new WatchOptions(), NullWatchObserver.Instance), null, _clock);

        loop.Run();

        Assert.True(loop.Finished);
        Assert.Equal("the device vanished", loop.Crash?.Message);
    }

    private sealed class ThrowingSource : IFrameSource
    {
        public string Description => "throwing";
        public LinkType LinkType => LinkType.Ethernet;
        public string? Error => null;
        public CaptureCounters Counters => default;

        public CaptureRead Read(out CapturedFrame frame) => throw new IOException("the device vanished");

        public void Stop()
        {
        }

        public void Dispose()
        {
        }
    }
}

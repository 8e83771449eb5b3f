using Edge.Service.Capture;
using Edge.Service.Configuration;

namespace Edge.IntegrationTests.Capture;

/// <summary>The run command's read loop over the bundled capture allocates nothing per frame, in
/// both paces (realtime on a clock the test steps, so nothing really waits).</summary>
public class FileSourceAllocationTests(ITestOutputHelper output)
{
    private const int SampleFrames = 685;
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap");

    [Theory]
    [InlineData(CapturePace.Fast)]
    [InlineData(CapturePace.Realtime)]
    public void Reading_a_file_allocates_nothing(CapturePace pace)
    {
        // The same loop twice: the first pass carries the JIT's one-off tier-up.
        var clock = new SteppedClock();
        using (var warm = new FileFrameSource(Sample, pace, clock, clock.Advance))
            Assert.Equal(SampleFrames, ReadAll(warm).Frames);

        using var source = new FileFrameSource(Sample, pace, clock, clock.Advance);
        var (frames, idles, allocated) = ReadAll(source);

        output.WriteLine($"{pace}: {frames} frames, {idles} idle reads, {allocated} bytes allocated");
        Assert.Equal(SampleFrames, frames);
        Assert.Equal(0, allocated);
    }

    private static (int Frames, int Idles, long Allocated) ReadAll(FileFrameSource source)
    {
        var frames = 0;
        var idles = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        // Bounded: the sample spans 275 s, 100 ms at most per idle read.
        for (var reads = 0; reads < 100_000; reads++)
        {
            var read = source.Read(out var frame);
            if (read == CaptureRead.End)
                break;
            if (read == CaptureRead.Idle)
                idles++;
            else if (frame.Data.Length > 0)
                frames++;
        }
        return (frames, idles, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>A monotonic clock that moves only when the source waits.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan span) => _ticks += span.Ticks;
    }
}

using System.Diagnostics;
using Edge.Flashing.Client;

namespace Edge.Flashing.Tests.Pty;

/// <summary>The same ends through <see cref="FaultRelay"/>: damaged frames, a pause, pulled cables, a 115200-baud line.</summary>
public class FlashOverFaultyCableTests
{
    [Fact]
    public async Task Damaged_and_shortened_frames_are_resent_and_never_written()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        await using var rig = new FlashRig(1 << 20, seed: 5);
        var noise = new Random(11);
        await using var relay = new FaultRelay(rig.Laptop, rig.Sensor)
        {
            // About one frame in twenty damaged, at random as on a noisy line (a fixed period near
            // the window size would make go-back-N look far worse than it is).
            Mangle = (_, frame) =>
            {
                double roll = noise.NextDouble();
                if (roll < 0.04)
                    frame[frame.Length / 2] ^= 0x10;            // one flipped bit: bad CRC
                else if (roll < 0.055)
                    frame = [.. frame[..(frame.Length / 2)], .. frame[(frame.Length / 2 + 5)..]]; // five bytes lost
                return frame;
            },
        };
        await relay.PlugInAsync();
        rig.StartAgent();
        var flashing = rig.Client().FlashAsync(rig.BundlePath, null, FlashRig.Within(TimeSpan.FromSeconds(25)));
        await FlashOverPtyTests.WaitUntilAsync(() => rig.Agent!.Counters.BytesWritten > 200_000, TimeSpan.FromSeconds(10));
        relay.Paused = true;                                     // silence: the client must time out and resend
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        relay.Paused = false;
        var result = await flashing;
        Assert.True(result.Installed, result.Message);
        rig.AssertInstalledExactly();
        Assert.True(relay.FramesMangled >= 5, $"only {relay.FramesMangled} frames damaged");
        Assert.True(rig.Agent!.Counters.MalformedFrames > 0);
        Assert.True(rig.Agent.Counters.Naks > 0);
        Assert.InRange(result.BytesResent, 1, rig.Bundle.Length);
        // Every byte written was in order and whole: the agent wrote the bundle exactly once.
        Assert.Equal(rig.Bundle.Length, rig.Agent.Counters.BytesWritten);
        TestContext.Current.TestOutputHelper?.WriteLine($"mangled {relay.FramesMangled} frames; agent saw {rig.Agent.Counters.MalformedFrames} malformed, sent {rig.Agent.Counters.Naks} Naks; client resent {result.BytesResent} bytes in {result.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_cable_pulled_twice_resumes_from_the_sensors_last_good_offset()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        await using var rig = new FlashRig(2 << 20, seed: 7);
        await using var relay = new FaultRelay(rig.Laptop, rig.Sensor);
        await relay.PlugInAsync();
        rig.StartAgent();
        var reports = new List<FlashProgress>();
        // Generous limits: noticing a pulled cable takes up to five silent retransmit timeouts (about 7 s),
        // and a loaded CI machine stretches that.
        var flashing = rig.Client().FlashAsync(rig.BundlePath, new SynchronousProgress<FlashProgress>(reports.Add), FlashRig.Within(TimeSpan.FromSeconds(60)));
        foreach (var at in new[] { 500_000, 1_300_000 })
        {
            await FlashOverPtyTests.WaitUntilAsync(() => rig.Agent!.Counters.BytesWritten > at, TimeSpan.FromSeconds(25),
                () => $"agent sessions {rig.Agent!.Counters.Sessions}, written {rig.Agent.Counters.BytesWritten}, client confirmed {(reports.Count > 0 ? reports[^1].BytesConfirmed : 0)}, reconnects {(reports.Count > 0 ? reports[^1].Reconnects : 0)}, flash {flashing.Status} {flashing.Exception?.InnerException?.Message}");
            await relay.PullAsync();
            await Task.Delay(700, TestContext.Current.CancellationToken);
            await relay.PlugInAsync();
        }
        var result = await flashing;
        Assert.True(result.Installed, result.Message);
        rig.AssertInstalledExactly();
        Assert.Equal(2, result.Reconnects);
        Assert.InRange(result.BytesResent, 0, rig.Bundle.Length / 4);
        Assert.True(rig.Agent!.Counters.Sessions >= 3);
        TestContext.Current.TestOutputHelper?.WriteLine($"2 pulls: resent {result.BytesResent} of {rig.Bundle.Length} bytes, {result.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Throughput_at_115200_baud()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        const int lineRate = 115200 / 10;                        // 8N1: ten bits a byte
        await using var rig = new FlashRig(64 * 1024, seed: 9);
        await using var relay = new FaultRelay(rig.Laptop, rig.Sensor) { BytesPerSecond = lineRate };
        await relay.PlugInAsync();
        rig.StartAgent();
        var client = rig.Client(new FlashClientOptions
        {
            InitialRetransmitTimeout = TimeSpan.FromSeconds(1),
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
        });
        var clock = Stopwatch.StartNew();
        var result = await client.FlashAsync(rig.BundlePath, null, FlashRig.Within(TimeSpan.FromSeconds(20)));
        clock.Stop();
        Assert.True(result.Installed, result.Message);
        rig.AssertInstalledExactly();
        double rate = rig.Bundle.Length / clock.Elapsed.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"115200 baud: {rig.Bundle.Length} bytes in {clock.Elapsed.TotalSeconds:0.00} s = {rate:0} B/s ({rate / lineRate:P0} of the line); resent {result.BytesResent}; 1 MiB ≈ {(1 << 20) / rate:0} s");
        Assert.True(rate > 0.8 * lineRate, $"{rate:0} B/s");
    }
}

using System.Device.Gpio;
using System.Globalization;
using Edge.Hardware.Boards;
using Edge.Hardware.Gpio;
using Edge.Hardware.Leds;

namespace Edge.Benchmarks.Hardware;

/// <summary><c>--led-timing [SECONDS]</c>: how late the LED edges are on the real clock. The scheduler
/// drives the Pi 4 wiring through the simulated GPIO driver (the same GpioController path as on a Pi),
/// which stamps every pin change; each edge is compared with where the pattern puts it.</summary>
public static class LedTimingCheck
{
    public const string Argument = "--led-timing";

    public static void Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        Console.WriteLine($"LED edge lateness over {seconds:F0} s per pattern (real clock, simulated GPIO driver)");
        Console.WriteLine("pattern        edges   min ms   mean ms   p50 ms   p99 ms   max ms   (negative: early)");
        foreach (var pattern in new[] { LedPattern.FastBlink, LedPattern.DoubleBlink, LedPattern.Heartbeat, LedPattern.SlowBlink })
            Measure(pattern, TimeSpan.FromSeconds(seconds));
    }

    private static void Measure(LedPattern pattern, TimeSpan duration)
    {
        var time = TimeProvider.System;
        var driver = new SimulatedGpioDriver(time);
        using var controller = new GpioController(driver);
        var profile = BoardProfiles.Load("raspberry-pi-4");
        using var lights = new GpioIndicatorLights(controller, profile.Leds);
        var redPin = profile.Leds.Red.Pin;
        var start = time.GetUtcNow();
        using (var scheduler = new LedScheduler(lights, time))
        {
            scheduler.Show(new LedSignal(LedLights.Red, pattern));
            Thread.Sleep(duration);
        }
        var lateness = new List<double>();
        var changes = driver.Changes.Where(c => c.Pin == redPin && c.Time >= start).ToList();
        var origin = changes[0].Time;
        var lit = true;
        var elapsed = TimeSpan.Zero;
        foreach (var change in changes.Skip(1))
        {
            elapsed += PatternTiming.UntilNextChange(pattern, elapsed);
            lit = !lit;
            if (elapsed > duration - TimeSpan.FromMilliseconds(50))
                break;
            lateness.Add((change.Time - origin - elapsed).TotalMilliseconds);
        }
        lateness.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pattern,-13} {lateness.Count,6} {lateness[0],8:F2} {lateness.Average(),9:F2} {Percentile(lateness, 0.5),8:F2} {Percentile(lateness, 0.99),8:F2} {lateness[^1],8:F2}"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}

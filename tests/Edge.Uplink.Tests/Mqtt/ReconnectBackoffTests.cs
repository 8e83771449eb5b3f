using Edge.Uplink.Mqtt;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Uplink.Tests.Mqtt;

public class ReconnectBackoffTests
{
    [Fact]
    public void Ceiling_doubles_from_the_minimum_up_to_the_maximum()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var ceilings = Enumerable.Range(0, 9).Select(a => backoff.Ceiling(a).TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], ceilings);
        Assert.Equal(60, backoff.Ceiling(int.MaxValue).TotalSeconds);
    }

    [Fact]
    public void Full_jitter_spans_minimum_to_ceiling()
    {
        var low = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0);
        var high = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 1);
        var half = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), () => 0.5);
        Assert.Equal(1, low.Delay(5).TotalSeconds);
        Assert.Equal(32, high.Delay(5).TotalSeconds);
        Assert.Equal(16.5, half.Delay(5).TotalSeconds);

        var random = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var delays = Enumerable.Range(0, 1000).Select(_ => random.Delay(4).TotalSeconds).ToArray();
        Assert.All(delays, d => Assert.InRange(d, 1, 16));
        Assert.True(delays.Distinct().Count() > 900, "jitter spreads the delays");
    }

    [Fact]
    public async Task Loop_waits_the_backoff_schedule_on_the_time_provider_and_starts_over_after_a_held_connection()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), () => 1);
        var loop = new ReconnectLoop(backoff, time, TimeSpan.FromSeconds(8));
        var attempts = new List<double>();
        var waits = new List<double>();
        var start = time.GetUtcNow();
        using var stop = new CancellationTokenSource();
        var run = loop.RunAsync(_ =>
        {
            attempts.Add((time.GetUtcNow() - start).TotalSeconds);
            // The sixth attempt connects and the link holds 10 s before it is lost.
            if (attempts.Count == 6)
            {
                time.Advance(TimeSpan.FromSeconds(10));
                return Task.FromResult(new LinkOutcome(true, TimeSpan.FromSeconds(10), "lost"));
            }

            return Task.FromResult(new LinkOutcome(false, TimeSpan.Zero, "refused"));
        }, (_, delay) => waits.Add(delay.TotalSeconds), stop.Token);

        // Advance the clock by exactly each announced delay: the next attempt must come then.
        for (var step = 0; step < 7; step++)
        {
            await Eventually.TrueAsync(() => waits.Count > step, TimeSpan.FromSeconds(10), $"wait {step} announced");
            time.Advance(TimeSpan.FromSeconds(waits[step]));
        }

        await Eventually.TrueAsync(() => attempts.Count >= 8, TimeSpan.FromSeconds(10), "eighth attempt");

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 4, 8, 8, 1, 2], waits.Take(7));
        Assert.Equal([0, 1, 3, 7, 15, 23], attempts.Take(6));
        Assert.Equal(34, attempts[6]);
    }
}

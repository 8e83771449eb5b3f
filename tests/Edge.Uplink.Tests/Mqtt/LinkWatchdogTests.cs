using Edge.Uplink.Mqtt;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Uplink.Tests.Mqtt;

public class LinkWatchdogTests
{
    private static async Task AdvanceUntilAsync(FakeTimeProvider time, Task task, TimeSpan step, int maxSteps)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_broker_that_does_not_answer_the_ping_is_found_dead_within_two_keep_alives()
    {
        var time = new FakeTimeProvider();
        var watchdog = new LinkWatchdog(time, TimeSpan.FromSeconds(4));
        var pings = 0;
        var began = time.GetUtcNow();
        var run = watchdog.RunAsync(token =>
        {
            pings++;
            return Task.Delay(Timeout.Infinite, token);
        }, TestContext.Current.CancellationToken);
        await AdvanceUntilAsync(time, run, TimeSpan.FromMilliseconds(100), 200);
        Assert.True(run.IsCompletedSuccessfully);
        var detected = (time.GetUtcNow() - began).TotalSeconds;
        Assert.InRange(detected, 6, 8);
        Assert.Equal(1, pings);
    }

    [Fact]
    public async Task Acks_and_answered_pings_keep_the_link_alive()
    {
        var time = new FakeTimeProvider();
        var watchdog = new LinkWatchdog(time, TimeSpan.FromSeconds(2));
        var pings = 0;
        using var stop = new CancellationTokenSource();
        var run = watchdog.RunAsync(_ =>
        {
            pings++;
            return Task.CompletedTask;
        }, stop.Token);
        for (var i = 0; i < 100; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            if (i < 50)
                watchdog.Heard();
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }

        Assert.False(run.IsCompleted);
        Assert.InRange(pings, 1, 5);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
    }
}

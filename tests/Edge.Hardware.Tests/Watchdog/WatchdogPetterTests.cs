using Edge.Hardware.Watchdog;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Hardware.Tests.Watchdog;

public sealed class WatchdogPetterTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private readonly RecordingWatchdog _device;
    private readonly WatchdogPetter _petter;
    private bool _healthy = true;

    public WatchdogPetterTests()
    {
        _device = new RecordingWatchdog(_time);
        _petter = new WatchdogPetter(_device, () => _healthy, Interval, _time);
    }

    public void Dispose() => _petter.Dispose();

    private void At(int seconds)
    {
        while (_time.GetUtcNow() < _time.Start + TimeSpan.FromSeconds(seconds))
            _time.SetUtcNow(_time.GetUtcNow() + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void A_healthy_sensor_is_petted_on_every_tick()
    {
        At(4);
        Assert.Empty(_device.PettedAt);
        At(15);

        Assert.Equal([5, 10, 15], _device.PettedAt);
        Assert.Equal(3, _petter.Pets);
        Assert.Equal(0, _petter.Skipped);
        Assert.Null(_petter.LastSkipReason);
    }

    [Fact]
    public void Petting_stops_while_unhealthy_and_resumes_when_healthy_again()
    {
        At(10);
        _healthy = false;
        At(25);
        _healthy = true;
        At(35);

        Assert.Equal([5, 10, 30, 35], _device.PettedAt);
        Assert.Equal(4, _petter.Pets);
        Assert.Equal(3, _petter.Skipped);
        Assert.Equal("not healthy", _petter.LastSkipReason);
    }

    [Fact]
    public void A_failing_health_check_counts_as_unhealthy()
    {
        var petter = new WatchdogPetter(_device, () => throw new InvalidOperationException("pipeline gone"), Interval, _time);
        At(5);
        petter.Stop(disarm: false);

        Assert.Equal([5], _device.PettedAt);
        Assert.Equal(1, petter.Skipped);
        Assert.Equal("health check failed: pipeline gone", petter.LastSkipReason);
    }

    [Fact]
    public void A_failed_pet_is_counted_and_the_next_tick_tries_again()
    {
        _device.FailNextPet = new IOException("EIO");
        At(10);

        Assert.Equal([10], _device.PettedAt);
        Assert.Equal(1, _petter.Pets);
        Assert.Equal(1, _petter.Skipped);
        Assert.Equal("pet failed: EIO", _petter.LastSkipReason);
    }

    [Fact]
    public void Stopping_cleanly_disarms_once_and_pets_no_more()
    {
        At(5);
        _petter.Stop(disarm: true);
        _petter.Stop(disarm: true);
        At(30);

        Assert.Equal([5], _device.PettedAt);
        Assert.Equal(1, _device.Disarms);
        Assert.True(_petter.Stopped);
        Assert.False(_device.Disposed);
    }

    [Fact]
    public void Stopping_without_disarm_leaves_the_countdown_running()
    {
        At(5);
        _petter.Stop(disarm: false);
        _petter.Dispose();
        At(30);

        Assert.Equal([5], _device.PettedAt);
        Assert.Equal(0, _device.Disarms);
    }

    [Fact]
    public void Disposing_is_a_clean_stop()
    {
        _petter.Dispose();
        At(30);

        Assert.Empty(_device.PettedAt);
        Assert.Equal(1, _device.Disarms);
    }

    [Fact]
    public void The_health_check_may_stop_the_petter()
    {
        var device = new RecordingWatchdog(_time);
        WatchdogPetter? petter = null;
        petter = new WatchdogPetter(device, () =>
        {
            petter!.Stop(disarm: true);
            return true;
        }, Interval, _time);
        At(20);

        Assert.Empty(device.PettedAt);
        Assert.Equal(1, device.Disarms);
        Assert.Equal(0, petter.Pets + petter.Skipped);
    }

    [Fact]
    public void A_zero_interval_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WatchdogPetter(_device, () => true, TimeSpan.Zero, _time));
    }
}

using Edge.Hardware.Leds;
using Edge.Hardware.Status;

namespace Edge.Hardware.Tests.Status;

public class UplinkGraceTests
{
    private static readonly HealthInputs Healthy = StatusModelRig.Healthy;
    private static readonly HealthInputs Disconnected = Healthy with { UplinkConnected = false, OutboxPending = 15 };

    [Fact]
    public void An_outage_shows_only_once_it_lasts_longer_than_the_grace()
    {
        var rig = new StatusModelRig();
        rig.At(0, Healthy);
        rig.At(5, Disconnected);

        Assert.Equal(SensorState.Monitoring, rig.At(15, Disconnected).State);
        var down = rig.At(15.001, Disconnected);

        Assert.Equal(new SensorStatus(SensorState.UplinkDown, "uplink down under 1 min, 15 messages buffered",
            new LedSignal(LedLights.Amber, LedPattern.SlowBlink), false), down);
        Assert.Equal(SensorState.Monitoring, rig.At(16, Healthy).State);
    }

    [Fact]
    public void Short_outages_do_not_add_up()
    {
        var rig = new StatusModelRig();
        rig.At(0, Disconnected);
        rig.At(8, Healthy);
        rig.At(9, Disconnected);
        rig.At(17, Healthy);
        rig.At(18, Disconnected);

        Assert.Equal(SensorState.Monitoring, rig.At(28, Disconnected).State);
        Assert.Equal(SensorState.UplinkDown, rig.At(28.5, Disconnected).State);
    }

    [Fact]
    public void A_sensor_that_never_connects_is_down_once_the_grace_after_start_is_over()
    {
        var rig = new StatusModelRig();
        var booting = Disconnected with { Started = false };

        Assert.Equal(SensorState.Booting, rig.At(0, booting).State);
        Assert.Equal(SensorState.Booting, rig.At(30, booting).State);
        Assert.Equal(SensorState.Monitoring, rig.At(31, Disconnected).State);
        Assert.Equal(SensorState.Monitoring, rig.At(41, Disconnected).State);

        Assert.Equal("uplink never connected (under 1 min), 15 messages buffered", rig.At(41.5, Disconnected).Reason);
    }

    [Fact]
    public void The_grace_is_configurable()
    {
        var rig = new StatusModelRig(uplinkGrace: TimeSpan.FromMinutes(1));
        rig.At(0, Disconnected);

        Assert.Equal(SensorState.Monitoring, rig.At(60, Disconnected).State);
        Assert.Equal(SensorState.UplinkDown, rig.At(61, Disconnected).State);
    }

    [Theory]
    [InlineData(59, "uplink down under 1 min, 15 messages buffered")]
    [InlineData(60, "uplink down 1 min, 15 messages buffered")]
    [InlineData(179, "uplink down 2 min, 15 messages buffered")]
    [InlineData(3 * 3600 + 5 * 60 + 59, "uplink down 3 h 5 min, 15 messages buffered")]
    [InlineData(2 * 3600, "uplink down 2 h, 15 messages buffered")]
    [InlineData(2 * 86400 + 4 * 3600 + 1800, "uplink down 2 d 4 h, 15 messages buffered")]
    public void The_reason_says_how_long_and_how_much_is_buffered(int seconds, string reason)
    {
        var rig = new StatusModelRig();
        rig.At(0, Healthy);
        rig.At(1, Disconnected);

        Assert.Equal(reason, rig.At(1 + seconds, Disconnected).Reason);
    }

    [Theory]
    [InlineData(0, "uplink down under 1 min, nothing buffered")]
    [InlineData(1, "uplink down under 1 min, 1 message buffered")]
    public void Buffered_counts_read_as_words(long pending, string reason)
    {
        var rig = new StatusModelRig();
        rig.At(0, Healthy);
        rig.At(1, Disconnected with { OutboxPending = pending });

        Assert.Equal(reason, rig.At(21, Disconnected with { OutboxPending = pending }).Reason);
    }

    [Fact]
    public void An_outage_hides_a_warning_but_not_an_alert()
    {
        var rig = new StatusModelRig();
        rig.At(0, Disconnected);

        Assert.Equal(SensorState.UplinkDown, rig.At(11, Disconnected with { Warning = "CPU 81 °C" }).State);
        Assert.Equal(SensorState.Alert, rig.At(12, Disconnected with { OpenAlert = OpenAlertLevel.High, OpenAlertCount = 1 }).State);
    }
}

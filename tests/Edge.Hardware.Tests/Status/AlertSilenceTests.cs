using Edge.Hardware.Leds;
using Edge.Hardware.Status;

namespace Edge.Hardware.Tests.Status;

public class AlertSilenceTests
{
    private static readonly LedSignal RedSlowBlink = new(LedLights.Red, LedPattern.SlowBlink);
    private static readonly LedSignal RedFastBlink = new(LedLights.Red, LedPattern.FastBlink);

    private static HealthInputs Open(OpenAlertLevel level, long count) =>
        StatusModelRig.Healthy with { OpenAlert = level, OpenAlertCount = count };

    [Fact]
    public void A_short_press_turns_the_alert_steady_and_says_so()
    {
        var rig = new StatusModelRig();
        rig.At(0, Open(OpenAlertLevel.Critical, 2));

        rig.Model.SilenceAlert();

        Assert.Equal(new SensorStatus(SensorState.Alert, "2 unacknowledged alerts, highest critical", RedSlowBlink, true), rig.Model.Current);
        Assert.Equal([false, true], rig.Announced.Select(status => status.Silenced));
        Assert.Equal(RedSlowBlink, rig.At(60, Open(OpenAlertLevel.Critical, 2)).Signal);
    }

    [Fact]
    public void A_new_alert_breaks_the_silence()
    {
        var rig = new StatusModelRig();
        rig.At(0, Open(OpenAlertLevel.Critical, 2));
        rig.Model.SilenceAlert();

        var status = rig.At(1, Open(OpenAlertLevel.Critical, 3));

        Assert.False(status.Silenced);
        Assert.Equal(RedFastBlink, status.Signal);
    }

    [Fact]
    public void A_higher_level_breaks_the_silence()
    {
        var rig = new StatusModelRig();
        rig.At(0, Open(OpenAlertLevel.High, 2));
        rig.Model.SilenceAlert();

        var status = rig.At(1, Open(OpenAlertLevel.Critical, 2));

        Assert.False(status.Silenced);
        Assert.Equal(RedFastBlink, status.Signal);
    }

    [Fact]
    public void A_new_alert_after_some_were_acknowledged_breaks_the_silence()
    {
        var rig = new StatusModelRig();
        rig.At(0, Open(OpenAlertLevel.Critical, 5));
        rig.Model.SilenceAlert();

        Assert.True(rig.At(1, Open(OpenAlertLevel.Critical, 2)).Silenced);
        Assert.True(rig.At(2, Open(OpenAlertLevel.High, 2)).Silenced);
        Assert.False(rig.At(3, Open(OpenAlertLevel.High, 3)).Silenced);
    }

    [Fact]
    public void A_critical_alert_after_the_critical_ones_were_acknowledged_breaks_the_silence()
    {
        var rig = new StatusModelRig();
        rig.At(0, Open(OpenAlertLevel.Critical, 3));
        rig.Model.SilenceAlert();
        rig.At(1, Open(OpenAlertLevel.High, 2));

        Assert.False(rig.At(2, Open(OpenAlertLevel.Critical, 2)).Silenced);
    }

    [Fact]
    public void Acknowledging_every_alert_ends_the_silence()
    {
        var rig = new StatusModelRig();
        rig.At(0, Open(OpenAlertLevel.Critical, 2));
        rig.Model.SilenceAlert();

        Assert.Equal(new SensorStatus(SensorState.Monitoring, "monitoring", new LedSignal(LedLights.Green, LedPattern.Heartbeat), false),
            rig.At(1, StatusModelRig.Healthy));
        Assert.Equal(new LedSignal(LedLights.Red, LedPattern.DoubleBlink), rig.At(2, Open(OpenAlertLevel.High, 1)).Signal);
    }

    [Fact]
    public void A_press_with_no_alert_shown_silences_nothing()
    {
        var rig = new StatusModelRig();
        rig.At(0, StatusModelRig.Healthy);
        rig.Model.SilenceAlert();
        Assert.Single(rig.Announced);

        var faulty = Open(OpenAlertLevel.Critical, 1) with { CaptureFault = "eth1 is gone" };
        rig.At(1, faulty);
        rig.Model.SilenceAlert();

        Assert.False(rig.Model.Current.Silenced);
        Assert.Equal(RedFastBlink, rig.At(2, faulty with { CaptureFault = null }).Signal);
    }

    [Fact]
    public void Pressing_again_while_silenced_announces_nothing()
    {
        var rig = new StatusModelRig();
        rig.At(0, Open(OpenAlertLevel.High, 1));
        rig.Model.SilenceAlert();
        rig.Model.SilenceAlert();

        Assert.Equal([false, true], rig.Announced.Select(status => status.Silenced));
        Assert.False(rig.At(1, Open(OpenAlertLevel.High, 2)).Silenced);
    }
}

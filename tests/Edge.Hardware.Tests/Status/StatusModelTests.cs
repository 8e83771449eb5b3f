using Edge.Hardware.Leds;
using Edge.Hardware.Status;

namespace Edge.Hardware.Tests.Status;

public class StatusModelTests
{
    private static readonly HealthInputs Healthy = StatusModelRig.Healthy;

    [Fact]
    public void A_new_model_says_booting_with_a_slow_green_blink()
    {
        var rig = new StatusModelRig();

        Assert.Equal(new SensorStatus(SensorState.Booting, "starting: capture not running yet",
            new LedSignal(LedLights.Green, LedPattern.SlowBlink), false), rig.Model.Current);
        Assert.Equal(SensorState.Booting, rig.At(0, new HealthInputs()).State);
        Assert.Empty(rig.Announced);
    }

    [Fact]
    public void A_running_connected_sensor_is_monitoring_with_a_green_heartbeat()
    {
        var rig = new StatusModelRig();

        var status = rig.At(0, Healthy);

        Assert.Equal(new SensorStatus(SensorState.Monitoring, "monitoring", new LedSignal(LedLights.Green, LedPattern.Heartbeat), false), status);
        Assert.Equal([status], rig.Announced);
    }

    [Fact]
    public void Each_state_hides_every_state_below_it()
    {
        var rig = new StatusModelRig();
        var everything = new HealthInputs
        {
            Started = true,
            CaptureFault = "eth1 is gone",
            StorageFault = "disk full",
            UplinkConnected = false,
            OutboxPending = 15,
            OpenAlert = OpenAlertLevel.Critical,
            OpenAlertCount = 3,
            Warning = "CPU 81 °C",
        };
        rig.At(0, everything);

        Assert.Equal(SensorState.Fault, rig.At(11, everything).State);
        Assert.Equal(SensorState.Fault, rig.At(11, everything with { CaptureFault = null }).State);
        Assert.Equal(SensorState.Alert, rig.At(11, everything with { CaptureFault = null, StorageFault = null }).State);
        var noAlert = everything with { CaptureFault = null, StorageFault = null, OpenAlert = OpenAlertLevel.None, OpenAlertCount = 0 };
        Assert.Equal(SensorState.UplinkDown, rig.At(11, noAlert).State);
        Assert.Equal(SensorState.Warning, rig.At(11, noAlert with { UplinkConnected = true }).State);
        Assert.Equal(SensorState.Monitoring, rig.At(11, noAlert with { UplinkConnected = true, Warning = null }).State);
        Assert.Equal(SensorState.Booting, rig.At(11, noAlert with { UplinkConnected = true, Warning = null, Started = false }).State);
    }

    [Fact]
    public void A_fault_shows_even_before_the_pipeline_started()
    {
        var rig = new StatusModelRig();

        var status = rig.At(0, new HealthInputs { StorageFault = "disk full" });

        Assert.Equal(new SensorStatus(SensorState.Fault, "storage failing: disk full",
            new LedSignal(LedLights.Red, LedPattern.Steady), false), status);
    }

    [Theory]
    [InlineData("eth1 is gone", null, "capture failing: eth1 is gone")]
    [InlineData(null, "disk full", "storage failing: disk full")]
    [InlineData("eth1 is gone", "disk full", "capture failing: eth1 is gone; storage failing: disk full")]
    public void A_fault_names_what_fails(string? capture, string? storage, string reason)
    {
        var rig = new StatusModelRig();

        Assert.Equal(reason, rig.At(0, Healthy with { CaptureFault = capture, StorageFault = storage }).Reason);
    }

    [Theory]
    [InlineData(OpenAlertLevel.Critical, 3, "3 unacknowledged alerts, highest critical", LedPattern.FastBlink)]
    [InlineData(OpenAlertLevel.High, 2, "2 unacknowledged alerts, highest high", LedPattern.DoubleBlink)]
    [InlineData(OpenAlertLevel.Critical, 1, "1 unacknowledged alert, critical", LedPattern.FastBlink)]
    [InlineData(OpenAlertLevel.High, 1, "1 unacknowledged alert, high", LedPattern.DoubleBlink)]
    public void An_open_alert_blinks_red_by_its_level(OpenAlertLevel level, long count, string reason, LedPattern pattern)
    {
        var rig = new StatusModelRig();

        var status = rig.At(0, Healthy with { OpenAlert = level, OpenAlertCount = count });

        Assert.Equal(new SensorStatus(SensorState.Alert, reason, new LedSignal(LedLights.Red, pattern), false), status);
    }

    [Fact]
    public void A_warning_is_steady_amber_and_says_its_text()
    {
        var rig = new StatusModelRig();

        var status = rig.At(0, Healthy with { Warning = "CPU 81 °C" });

        Assert.Equal(new SensorStatus(SensorState.Warning, "CPU 81 °C", new LedSignal(LedLights.Amber, LedPattern.Steady), false), status);
    }

    [Theory]
    [InlineData(SensorState.Booting, OpenAlertLevel.None, false, LedLights.Green, LedPattern.SlowBlink)]
    [InlineData(SensorState.Monitoring, OpenAlertLevel.None, false, LedLights.Green, LedPattern.Heartbeat)]
    [InlineData(SensorState.Warning, OpenAlertLevel.None, false, LedLights.Amber, LedPattern.Steady)]
    [InlineData(SensorState.UplinkDown, OpenAlertLevel.None, false, LedLights.Amber, LedPattern.SlowBlink)]
    [InlineData(SensorState.Alert, OpenAlertLevel.Critical, false, LedLights.Red, LedPattern.FastBlink)]
    [InlineData(SensorState.Alert, OpenAlertLevel.High, false, LedLights.Red, LedPattern.DoubleBlink)]
    [InlineData(SensorState.Alert, OpenAlertLevel.Critical, true, LedLights.Red, LedPattern.SlowBlink)]
    [InlineData(SensorState.Alert, OpenAlertLevel.High, true, LedLights.Red, LedPattern.SlowBlink)]
    [InlineData(SensorState.Fault, OpenAlertLevel.Critical, true, LedLights.Red, LedPattern.Steady)]
    [InlineData(SensorState.Fault, OpenAlertLevel.None, false, LedLights.Red, LedPattern.Steady)]
    public void Each_state_has_its_signal(SensorState state, OpenAlertLevel level, bool silenced, LedLights lights, LedPattern pattern)
    {
        Assert.Equal(new LedSignal(lights, pattern), StatusModel.SignalFor(state, level, silenced));
    }

    [Theory]
    [InlineData(FlashPhase.Receiving, LedLights.Amber, LedPattern.FastBlink, "flashing over USB: receiving")]
    [InlineData(FlashPhase.Installing, LedLights.Green, LedPattern.FastBlink, "flashing over USB: verifying and installing")]
    [InlineData(FlashPhase.Refused, LedLights.Amber, LedPattern.DoubleBlink, "flashing over USB: refused: wrong-board: built for raspberry-pi-5")]
    public void A_flash_shows_above_everything_even_a_fault(FlashPhase phase, LedLights lights, LedPattern pattern, string reason)
    {
        var rig = new StatusModelRig();
        var troubled = new HealthInputs { Started = true, CaptureFault = "eth1 is gone", OpenAlert = OpenAlertLevel.Critical, OpenAlertCount = 1 };

        var status = rig.At(0, troubled with { Flash = phase, FlashDetail = "wrong-board: built for raspberry-pi-5" });

        Assert.Equal(new SensorStatus(SensorState.Flashing, reason, new LedSignal(lights, pattern), false), status);
        Assert.Equal(SensorState.Fault, rig.At(1, troubled).State);
    }

    [Fact]
    public void The_flash_signals_differ_from_every_other_state_on_one_rgb_led()
    {
        var flashing = new[] { FlashPhase.Receiving, FlashPhase.Installing, FlashPhase.Refused }
            .Select(phase => StatusModel.SignalFor(SensorState.Flashing, OpenAlertLevel.None, false, phase)).ToArray();
        var others = new List<LedSignal>();
        foreach (var state in Enum.GetValues<SensorState>().Where(s => s != SensorState.Flashing))
        {
            foreach (var level in new[] { OpenAlertLevel.High, OpenAlertLevel.Critical })
            {
                others.Add(StatusModel.SignalFor(state, level, silenced: false));
                others.Add(StatusModel.SignalFor(state, level, silenced: true));
            }
        }

        Assert.Equal(3, flashing.Distinct().Count());
        Assert.All(flashing, signal => Assert.DoesNotContain(signal, others));
    }

    [Fact]
    public void Repeated_samples_announce_a_change_only_once()
    {
        var rig = new StatusModelRig();

        rig.At(0, Healthy);
        rig.At(1, Healthy);
        rig.At(2, Healthy with { Warning = "CPU 81 °C" });
        rig.At(3, Healthy with { Warning = "CPU 81 °C" });
        rig.At(4, Healthy with { Warning = "CPU 82 °C" });

        Assert.Equal(["monitoring", "CPU 81 °C", "CPU 82 °C"], rig.Announced.Select(status => status.Reason));
    }
}

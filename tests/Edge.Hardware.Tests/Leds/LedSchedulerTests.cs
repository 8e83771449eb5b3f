using Edge.Hardware.Leds;

namespace Edge.Hardware.Tests.Leds;

public class LedSchedulerTests
{
    private static readonly LedSignal GreenHeartbeat = new(LedLights.Green, LedPattern.Heartbeat);
    private static readonly LedSignal RedFastBlink = new(LedLights.Red, LedPattern.FastBlink);

    [Fact]
    public void A_heartbeat_lights_the_lamp_at_exactly_each_edge()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(GreenHeartbeat);
        rig.AdvanceTo(4100);

        Assert.Equal(
            [(0, LedLights.Green), (100, LedLights.None), (250, LedLights.Green), (350, LedLights.None),
             (2000, LedLights.Green), (2100, LedLights.None), (2250, LedLights.Green), (2350, LedLights.None),
             (4000, LedLights.Green), (4100, LedLights.None)],
            rig.Lights.Shown);
    }

    [Fact]
    public void The_timer_wakes_only_at_edges()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(GreenHeartbeat);
        rig.AdvanceTo(4000);

        Assert.Equal(8, rig.Clock.Callbacks);
    }

    [Fact]
    public void Two_lamps_blink_together_as_one_signal()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(new LedSignal(LedLights.Red | LedLights.Amber, LedPattern.DoubleBlink));
        rig.AdvanceTo(1650);

        var both = LedLights.Red | LedLights.Amber;
        Assert.Equal(
            [(0, both), (150, LedLights.None), (300, both), (450, LedLights.None), (1500, both), (1650, LedLights.None)],
            rig.Lights.Shown);
    }

    [Fact]
    public void Showing_the_same_signal_again_keeps_the_blink_in_phase()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(new LedSignal(LedLights.Amber, LedPattern.SlowBlink));
        rig.AdvanceTo(600);
        rig.Scheduler.Show(new LedSignal(LedLights.Amber, LedPattern.SlowBlink));
        rig.AdvanceTo(2000);

        Assert.Equal([(0, LedLights.Amber), (1000, LedLights.None), (2000, LedLights.Amber)], rig.Lights.Shown);
    }

    [Fact]
    public void A_new_signal_starts_its_pattern_from_the_beginning()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(new LedSignal(LedLights.Green, LedPattern.SlowBlink));
        rig.AdvanceTo(600);
        rig.Scheduler.Show(RedFastBlink);
        rig.AdvanceTo(1200);

        Assert.Equal(
            [(0, LedLights.Green), (600, LedLights.Red), (725, LedLights.None), (850, LedLights.Red), (975, LedLights.None),
             (1100, LedLights.Red)],
            rig.Lights.Shown);
        Assert.Equal(RedFastBlink, rig.Scheduler.Current);
    }

    [Fact]
    public void The_lamps_are_told_only_when_what_is_lit_changes()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(new LedSignal(LedLights.Amber, LedPattern.Steady));
        rig.AdvanceTo(100);
        rig.Scheduler.Show(new LedSignal(LedLights.Amber, LedPattern.SlowBlink));
        rig.AdvanceTo(200);
        rig.Scheduler.Show(new LedSignal(LedLights.Amber, LedPattern.Steady));
        rig.Jump(TimeSpan.FromHours(1));

        Assert.Equal([(0, LedLights.Amber)], rig.Lights.Shown);
        Assert.Equal(0, rig.Clock.Callbacks);
        Assert.Equal(LedLights.Amber, rig.Scheduler.Lit);
    }

    [Fact]
    public void A_late_timer_does_not_make_the_blink_drift()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(new LedSignal(LedLights.Amber, LedPattern.SlowBlink));
        rig.Jump(TimeSpan.FromMilliseconds(2500));
        rig.AdvanceTo(4000);

        Assert.Equal([(0, LedLights.Amber), (3000, LedLights.None), (4000, LedLights.Amber)], rig.Lights.Shown);
    }

    [Fact]
    public void A_dark_signal_never_touches_the_lamps()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(new LedSignal(LedLights.None, LedPattern.FastBlink));
        rig.Jump(TimeSpan.FromMinutes(1));

        Assert.Empty(rig.Lights.Shown);
        Assert.Equal(0, rig.Clock.Callbacks);
        Assert.Empty(rig.Raised);
    }

    [Fact]
    public void One_timer_serves_every_lamp_the_test_and_the_buzzer()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(GreenHeartbeat);
        rig.AdvanceTo(300);
        rig.Scheduler.Show(new LedSignal(LedLights.All, LedPattern.FastBlink));
        rig.Scheduler.Beep(3);
        rig.AdvanceTo(400);
        rig.Scheduler.RunTest();
        rig.Scheduler.Show(RedFastBlink);
        rig.AdvanceTo(10_000);

        Assert.Equal(1, rig.Clock.TimersCreated);
    }

    [Fact]
    public void LightsChanged_follows_every_change_of_the_lamps()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(RedFastBlink);
        rig.AdvanceTo(500);

        Assert.Equal(rig.Lights.Shown.Select(change => change.Lit), rig.Raised);
        Assert.Equal(5, rig.Raised.Count);
    }

    [Fact]
    public void The_LED_test_lights_all_then_each_lamp_and_returns_to_the_signal_from_its_start()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(GreenHeartbeat);
        rig.AdvanceTo(500);
        rig.Scheduler.RunTest();
        Assert.True(rig.Scheduler.TestRunning);
        rig.AdvanceTo(2999);
        Assert.True(rig.Scheduler.TestRunning);
        rig.AdvanceTo(3400);

        Assert.False(rig.Scheduler.TestRunning);
        Assert.Equal(
            [(0, LedLights.Green), (100, LedLights.None), (250, LedLights.Green), (350, LedLights.None),
             (500, LedLights.All), (1500, LedLights.Green), (2000, LedLights.Amber), (2500, LedLights.Red),
             (3000, LedLights.Green), (3100, LedLights.None), (3250, LedLights.Green), (3350, LedLights.None)],
            rig.Lights.Shown);
        Assert.Equal([(500, true), (700, false)], rig.Buzzer!.Sounded);
    }

    [Fact]
    public void A_signal_shown_during_the_test_waits_for_its_end()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(GreenHeartbeat);
        rig.Scheduler.RunTest();
        rig.AdvanceTo(1200);
        rig.Scheduler.Show(RedFastBlink);
        Assert.Equal(RedFastBlink, rig.Scheduler.Current);
        Assert.Equal(LedLights.Green, rig.Scheduler.Lit);
        rig.AdvanceTo(2750);

        Assert.Equal(
            [(0, LedLights.Green), (0, LedLights.All), (1000, LedLights.Green), (1500, LedLights.Amber), (2000, LedLights.Red),
             (2625, LedLights.None), (2750, LedLights.Red)],
            rig.Lights.Shown);
    }

    [Fact]
    public void Asking_for_the_test_again_restarts_it()
    {
        using var rig = new SchedulerRig(withBuzzer: false);
        rig.Scheduler.RunTest();
        rig.AdvanceTo(1700);
        rig.Scheduler.RunTest();
        rig.AdvanceTo(4200);

        Assert.Equal(
            [(0, LedLights.All), (1000, LedLights.Green), (1500, LedLights.Amber), (1700, LedLights.All),
             (2700, LedLights.Green), (3200, LedLights.Amber), (3700, LedLights.Red), (4200, LedLights.None)],
            rig.Lights.Shown);
    }

    [Fact]
    public void Beeps_are_100_ms_on_and_100_ms_off()
    {
        using var rig = new SchedulerRig();
        rig.AdvanceTo(50);
        rig.Scheduler.Beep(3);
        rig.AdvanceTo(5000);

        Assert.Equal([(50, true), (150, false), (250, true), (350, false), (450, true), (550, false)], rig.Buzzer!.Sounded);
        Assert.Empty(rig.Lights.Shown);
    }

    [Fact]
    public void Beeping_without_a_buzzer_does_nothing()
    {
        using var rig = new SchedulerRig(withBuzzer: false);
        rig.Scheduler.Show(new LedSignal(LedLights.Green, LedPattern.Steady));
        rig.Scheduler.Beep(2);
        rig.AdvanceTo(1000);

        Assert.Equal([(0, LedLights.Green)], rig.Lights.Shown);
        Assert.Throws<ArgumentOutOfRangeException>(() => rig.Scheduler.Beep(0));
    }

    [Fact]
    public void Disposing_turns_lamps_and_buzzer_off_and_stops_the_timer()
    {
        using var rig = new SchedulerRig();
        rig.Scheduler.Show(new LedSignal(LedLights.Red, LedPattern.SlowBlink));
        rig.Scheduler.Beep(2);
        rig.AdvanceTo(50);
        rig.Scheduler.Dispose();
        rig.AdvanceTo(5000);

        Assert.Equal([(0, LedLights.Red), (50, LedLights.None)], rig.Lights.Shown);
        Assert.Equal([(0, true), (50, false)], rig.Buzzer!.Sounded);
        Assert.Equal(LedLights.None, rig.Scheduler.Lit);
        Assert.False(rig.Lights.Disposed);
        Assert.Throws<ObjectDisposedException>(() => rig.Scheduler.Show(RedFastBlink));
    }
}

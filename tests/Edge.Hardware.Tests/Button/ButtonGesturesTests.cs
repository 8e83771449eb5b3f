using Edge.Hardware.Button;

namespace Edge.Hardware.Tests.Button;

// Every time below is on the pin; gestures run on the debounced level, 30 ms behind.
public class ButtonGesturesTests
{
    [Fact]
    public void A_press_released_before_5_s_is_a_short_press()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(4999);
        rig.At(6000);

        Assert.Equal([(5029, "short")], rig.Seen);
    }

    [Fact]
    public void A_hold_of_5_s_asks_for_the_LED_test_at_release()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(5000);
        rig.At(5029);
        Assert.Empty(rig.Seen);
        rig.At(6000);

        Assert.Equal([(5030, "led-test")], rig.Seen);
    }

    [Fact]
    public void A_hold_released_just_before_10_s_is_still_the_LED_test()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(9999);
        rig.At(45_000);

        Assert.Equal([(10_029, "led-test")], rig.Seen);
        Assert.Equal(ButtonPhase.Idle, rig.Gestures.Phase);
    }

    [Fact]
    public void A_10_s_hold_arms_the_reset_and_a_3_s_second_hold_confirms_it()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.At(10_029);
        Assert.Empty(rig.Seen);
        rig.At(10_030);
        Assert.Equal([(10_030, "armed")], rig.Seen);
        Assert.Equal(ButtonPhase.Armed, rig.Gestures.Phase);

        rig.Release(12_000);
        rig.Press(20_000);
        rig.At(20_030);
        Assert.Equal(ButtonPhase.Confirming, rig.Gestures.Phase);
        rig.Release(25_000);
        rig.At(26_000);

        Assert.Equal([(10_030, "armed"), (23_030, "confirmed")], rig.Seen);
        Assert.Equal(ButtonPhase.Idle, rig.Gestures.Phase);
    }

    [Fact]
    public void An_armed_reset_is_cancelled_when_no_press_comes_within_30_s_of_release()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(12_000);
        rig.At(42_029);
        Assert.Equal(ButtonPhase.Armed, rig.Gestures.Phase);
        rig.At(42_030);

        Assert.Equal([(10_030, "armed"), (42_030, "cancelled")], rig.Seen);
        Assert.Equal(ButtonPhase.Idle, rig.Gestures.Phase);
    }

    [Fact]
    public void A_press_after_the_window_is_an_ordinary_press()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(12_000);
        rig.Press(42_100);
        rig.Release(42_200);
        rig.At(43_000);

        Assert.Equal([(10_030, "armed"), (42_030, "cancelled"), (42_230, "short")], rig.Seen);
    }

    [Fact]
    public void A_second_press_shorter_than_3_s_cancels_the_reset()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(12_000);
        rig.Press(15_000);
        rig.Release(17_999);
        rig.At(60_000);

        Assert.Equal([(10_030, "armed"), (18_029, "cancelled")], rig.Seen);
        Assert.Equal(ButtonPhase.Idle, rig.Gestures.Phase);
    }

    [Fact]
    public void A_confirming_press_may_start_at_the_last_moment_of_the_window()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(12_000);
        rig.Press(41_999);
        rig.At(50_000);

        Assert.Equal([(10_030, "armed"), (45_029, "confirmed")], rig.Seen);
    }

    [Fact]
    public void Other_timings_can_be_given()
    {
        var timing = new ButtonTiming
        {
            Debounce = TimeSpan.FromMilliseconds(10),
            LedTestHold = TimeSpan.FromSeconds(2),
            FactoryResetHold = TimeSpan.FromSeconds(4),
            ConfirmWindow = TimeSpan.FromSeconds(5),
            ConfirmHold = TimeSpan.FromSeconds(1),
        };
        using var rig = new GestureRig(timing: timing);
        rig.Press(0);
        rig.Release(2000);
        rig.Press(3000);
        rig.Release(8000);
        rig.Press(9000);
        rig.At(11_000);

        Assert.Equal([(2010, "led-test"), (7010, "armed"), (10_010, "confirmed")], rig.Seen);
    }

    [Fact]
    public void Timings_that_contradict_each_other_are_refused()
    {
        var button = new FakeButton();
        var time = TimeProvider.System;

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ButtonGestures(button, time, new ButtonTiming { LedTestHold = TimeSpan.FromSeconds(10) }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ButtonGestures(button, time, new ButtonTiming { Debounce = TimeSpan.Zero }));
        Assert.False(button.HasListeners);
    }

    [Fact]
    public void Disposing_lets_go_of_the_button()
    {
        var rig = new GestureRig();
        rig.Press(0);
        rig.Dispose();
        rig.At(20_000);

        Assert.False(rig.Button.HasListeners);
        Assert.Empty(rig.Seen);
    }
}

using Edge.Hardware.Button;

namespace Edge.Hardware.Tests.Button;

public class DebounceTests
{
    [Fact]
    public void A_5_ms_blip_is_ignored()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(5);
        rig.At(1000);

        Assert.Empty(rig.Seen);
        Assert.Equal(ButtonPhase.Idle, rig.Gestures.Phase);
    }

    [Fact]
    public void A_40_ms_press_counts_once_settled()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.At(29);
        Assert.Equal(ButtonPhase.Idle, rig.Gestures.Phase);
        rig.At(30);
        Assert.Equal(ButtonPhase.Pressed, rig.Gestures.Phase);
        rig.Release(40);
        rig.At(1000);

        Assert.Equal([(70, "short")], rig.Seen);
        Assert.Equal(ButtonPhase.Idle, rig.Gestures.Phase);
    }

    [Fact]
    public void A_bouncing_contact_settles_after_its_last_bounce()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(3);
        rig.Press(6);
        rig.Release(9);
        rig.Press(12);
        rig.At(41);
        Assert.Equal(ButtonPhase.Idle, rig.Gestures.Phase);
        rig.At(42);
        Assert.Equal(ButtonPhase.Pressed, rig.Gestures.Phase);
        rig.Release(500);
        rig.Press(504);
        rig.Release(507);
        rig.At(1000);

        Assert.Equal([(537, "short")], rig.Seen);
    }

    [Fact]
    public void A_5_ms_bounce_during_a_hold_does_not_split_it()
    {
        using var rig = new GestureRig();
        rig.Press(0);
        rig.Release(3000);
        rig.Press(3005);
        rig.Release(6000);
        rig.At(7000);

        Assert.Equal([(6030, "led-test")], rig.Seen);
    }

    [Fact]
    public void A_button_held_at_start_is_ignored_until_released()
    {
        using var rig = new GestureRig(pressedAtStart: true);
        rig.Release(12_000);
        rig.At(13_000);
        Assert.Empty(rig.Seen);

        rig.Press(14_000);
        rig.Release(14_100);
        rig.At(15_000);

        Assert.Equal([(14_130, "short")], rig.Seen);
    }
}

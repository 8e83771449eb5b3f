using Edge.Hardware.Leds;

namespace Edge.Hardware.Status;

/// <summary>Signals shown over the sensor's state while the button is in a factory-reset gesture.</summary>
public static class ButtonFeedback
{
    /// <summary>Held 10 s: release, then hold again to confirm.</summary>
    public static readonly LedSignal FactoryResetArmed = new(LedLights.Red | LedLights.Amber, LedPattern.FastBlink);

    /// <summary>Confirmed: the reset is under way.</summary>
    public static readonly LedSignal FactoryResetConfirming = new(LedLights.All, LedPattern.FastBlink);
}

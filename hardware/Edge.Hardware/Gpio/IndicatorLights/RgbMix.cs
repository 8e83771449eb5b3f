using Edge.Hardware.Leds;

namespace Edge.Hardware.Gpio;

/// <summary>Which dies of one RGB LED light for a set of lamps: amber is red with green, combinations
/// add up, and blue joins only when every lamp is lit (the LED test), so the test shows white and
/// proves the blue die too.</summary>
internal static class RgbMix
{
    public static (bool Red, bool Green, bool Blue) Of(LedLights lit) =>
    (
        Red: (lit & (LedLights.Red | LedLights.Amber)) != 0,
        Green: (lit & (LedLights.Green | LedLights.Amber)) != 0,
        Blue: (lit & LedLights.All) == LedLights.All
    );
}

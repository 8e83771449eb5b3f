namespace Edge.Hardware.Leds;

/// <summary>Which lamps are lit. A traffic-light set lights each on its own pin; one RGB LED mixes
/// them (amber is red with green).</summary>
[Flags]
public enum LedLights
{
    None = 0,
    Green = 1,
    Amber = 2,
    Red = 4,
    All = Green | Amber | Red,
}

namespace Edge.Hardware.Leds;

/// <summary>What the LEDs show: these lamps, lit in this pattern.</summary>
public readonly record struct LedSignal(LedLights Lights, LedPattern Pattern)
{
    public static readonly LedSignal Dark = new(LedLights.None, LedPattern.Off);

    public override string ToString() => $"{Lights} {Pattern}";
}

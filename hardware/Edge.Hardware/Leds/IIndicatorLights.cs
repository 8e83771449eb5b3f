namespace Edge.Hardware.Leds;

/// <summary>The LEDs as one device: the scheduler says which lamps are lit now, the binding maps
/// that to pins (and to active-low wiring).</summary>
public interface IIndicatorLights : IDisposable
{
    void Show(LedLights lit);
}

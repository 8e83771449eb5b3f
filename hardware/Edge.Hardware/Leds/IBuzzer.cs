namespace Edge.Hardware.Leds;

/// <summary>An optional buzzer, switched by the same scheduler as the LEDs.</summary>
public interface IBuzzer : IDisposable
{
    void Sound(bool on);
}

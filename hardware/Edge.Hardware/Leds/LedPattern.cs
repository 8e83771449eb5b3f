namespace Edge.Hardware.Leds;

public enum LedPattern
{
    Off,
    Steady,
    SlowBlink,
    FastBlink,
    DoubleBlink,
    Heartbeat,
}

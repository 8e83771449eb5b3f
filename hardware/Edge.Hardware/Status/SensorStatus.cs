using Edge.Hardware.Leds;

namespace Edge.Hardware.Status;

/// <summary>What the sensor tells right now: its state, why in a short sentence, the LED signal for it,
/// and whether the alert pattern was silenced at the button.</summary>
public sealed record SensorStatus(SensorState State, string Reason, LedSignal Signal, bool Silenced);

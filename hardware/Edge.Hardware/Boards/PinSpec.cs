namespace Edge.Hardware.Boards;

/// <summary>One output on a BCM GPIO line. Active-low: the lamp or buzzer is on when the pin is low
/// (an LED wired from 3.3 V to the pin, a common-anode RGB LED).</summary>
public sealed record PinSpec(int Pin, bool ActiveLow);

namespace Edge.Hardware.Boards;

/// <summary>A header pin the profile refuses to give to an LED, the button or the buzzer, and why.</summary>
public sealed record ReservedPin(int Pin, string Reason);

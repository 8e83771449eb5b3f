namespace Edge.Hardware.Boards;

/// <summary>The button's pin, its pressed level (active-low: pressed pulls the pin to ground) and bias.</summary>
public sealed record ButtonSpec(int Pin, bool ActiveLow, ButtonPull Pull);

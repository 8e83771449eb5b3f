namespace Edge.Hardware.Boards;

/// <summary>The SoC's internal bias on the button pin; <see cref="None"/> when an external resistor does it.</summary>
public enum ButtonPull
{
    None,
    Up,
    Down,
}

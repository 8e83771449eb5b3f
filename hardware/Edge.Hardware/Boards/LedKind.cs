namespace Edge.Hardware.Boards;

public enum LedKind
{
    /// <summary>Three LEDs, green, amber and red, one pin each.</summary>
    Traffic,

    /// <summary>One RGB LED: amber is red with green.</summary>
    Rgb,
}

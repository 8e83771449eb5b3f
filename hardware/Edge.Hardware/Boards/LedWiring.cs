namespace Edge.Hardware.Boards;

/// <summary>How the LEDs are wired: a traffic-light set (green, amber, red) or one RGB LED (red, green
/// and optionally blue). Built only through <see cref="Traffic"/> and <see cref="Rgb"/>, so a traffic
/// set always has its amber pin and an RGB LED never has one.</summary>
public sealed record LedWiring
{
    private LedWiring(LedKind kind, PinSpec red, PinSpec green, PinSpec? amber, PinSpec? blue)
    {
        Kind = kind;
        Red = red;
        Green = green;
        Amber = amber;
        Blue = blue;
    }

    public LedKind Kind { get; }

    public PinSpec Red { get; }

    public PinSpec Green { get; }

    /// <summary>The amber LED of a traffic set; null for RGB.</summary>
    public PinSpec? Amber { get; }

    /// <summary>The blue die of an RGB LED where it is wired; null for a traffic set.</summary>
    public PinSpec? Blue { get; }

    public static LedWiring Traffic(PinSpec green, PinSpec amber, PinSpec red) => new(LedKind.Traffic, red, green, amber, null);

    public static LedWiring Rgb(PinSpec red, PinSpec green, PinSpec? blue = null) => new(LedKind.Rgb, red, green, null, blue);

    /// <summary>The wired pins with their profile field names, in the profile's order.</summary>
    public IReadOnlyList<(string Field, PinSpec Pin)> Pins => Kind == LedKind.Traffic
        ? [("leds.green", Green), ("leds.amber", Amber!), ("leds.red", Red)]
        : Blue is null
            ? [("leds.red", Red), ("leds.green", Green)]
            : [("leds.red", Red), ("leds.green", Green), ("leds.blue", Blue)];
}

namespace Edge.Hardware.Boards;

/// <summary>A board's pin map: which GPIO chip carries the header, which header pins may be used and
/// which are reserved, and where the LEDs, the button and the optional buzzer are wired. Loaded and
/// validated by <see cref="BoardProfiles"/>.</summary>
/// <param name="Name">The profile's name, e.g. <c>raspberry-pi-5</c>.</param>
/// <param name="ModelPrefixes">Device-tree model strings this profile serves ("Raspberry Pi 5").</param>
/// <param name="UsablePins">BCM numbers of the GPIO lines on the header.</param>
/// <param name="Button">Null where the box has no button.</param>
/// <param name="Buzzer">Null where the box has no buzzer.</param>
public sealed record BoardProfile(
    string Name,
    string DisplayName,
    IReadOnlyList<string> ModelPrefixes,
    GpioChipSpec GpioChip,
    IReadOnlyList<int> UsablePins,
    IReadOnlyList<ReservedPin> ReservedPins,
    LedWiring Leds,
    ButtonSpec? Button,
    PinSpec? Buzzer);

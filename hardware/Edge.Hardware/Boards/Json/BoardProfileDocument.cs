using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Hardware.Boards.Json;

/// <summary>A profile file as written: everything nullable so a missing field is reported by name, and
/// unknown fields kept so a typo ("gren") is refused instead of ignored.</summary>
internal sealed class BoardProfileDocument
{
    public string? Name { get; set; }
    public string? DisplayName { get; set; }
    public List<string>? ModelPrefixes { get; set; }
    public GpioChipDocument? GpioChip { get; set; }
    public List<int>? UsablePins { get; set; }
    public List<ReservedPinDocument>? ReservedPins { get; set; }
    public LedsDocument? Leds { get; set; }
    public ButtonDocument? Button { get; set; }
    public PinDocument? Buzzer { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Hardware.Boards.Json;

internal sealed class LedsDocument
{
    public string? Kind { get; set; }
    public PinDocument? Green { get; set; }
    public PinDocument? Amber { get; set; }
    public PinDocument? Red { get; set; }
    public PinDocument? Blue { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

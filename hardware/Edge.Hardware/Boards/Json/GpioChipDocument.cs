using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Hardware.Boards.Json;

internal sealed class GpioChipDocument
{
    public string? Label { get; set; }
    public int? Number { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

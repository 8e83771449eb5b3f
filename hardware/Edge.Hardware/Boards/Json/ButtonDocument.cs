using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Hardware.Boards.Json;

internal sealed class ButtonDocument
{
    public int? Pin { get; set; }
    public bool? ActiveLow { get; set; }
    public string? Pull { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

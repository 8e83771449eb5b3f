using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Hardware.Boards.Json;

internal sealed class ReservedPinDocument
{
    public int? Pin { get; set; }
    public string? Reason { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

using System.Text.Json.Serialization;

namespace Edge.Firmware.Slots;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true)]
[JsonSerializable(typeof(SlotState))]
internal sealed partial class SlotJsonContext : JsonSerializerContext;

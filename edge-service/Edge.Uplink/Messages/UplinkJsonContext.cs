using System.Text.Json.Serialization;

namespace Edge.Uplink.Messages;

/// <summary>Source-generated JSON for everything the sensor publishes: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertMessage))]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(HeartbeatMessage))]
public sealed partial class UplinkJsonContext : JsonSerializerContext;

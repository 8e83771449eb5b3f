using System.Text.Json.Serialization;

namespace Edge.Uplink.Commands.Results;

/// <summary>Source-generated JSON for command results: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CommandResult))]
[JsonSerializable(typeof(PingResult))]
[JsonSerializable(typeof(AckResult))]
[JsonSerializable(typeof(IntelUpdateResult))]
[JsonSerializable(typeof(IntelChunkResult))]
[JsonSerializable(typeof(ConfigGetResult))]
[JsonSerializable(typeof(ConfigSetResult))]
[JsonSerializable(typeof(EvidenceChunkResult))]
public sealed partial class CommandJsonContext : JsonSerializerContext;

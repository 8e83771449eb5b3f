using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Firmware.Provisioning;

/// <summary>Source-generated, strict JSON for the envelope and the set: unknown and duplicate
/// properties refused, required ones required, depth bounded.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 8,
    WriteIndented = true)]
[JsonSerializable(typeof(ProvisioningEnvelope))]
[JsonSerializable(typeof(ProvisioningSet))]
public sealed partial class ProvisioningJsonContext : JsonSerializerContext;

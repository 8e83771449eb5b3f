using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Firmware.Bundles;

/// <summary>Source-generated, strict manifest JSON: unknown and duplicate properties refused, every
/// property required and non-null, names case-sensitive, depth bounded.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = 8,
    WriteIndented = true)]
[JsonSerializable(typeof(BundleManifest))]
public sealed partial class BundleJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using Edge.Service.Status;

namespace Edge.Service.StatusPage;

/// <summary><c>/api/status</c>: the snapshot in snake_case by generated code (NativeAOT-safe). Nulls
/// are written, so a reader sees every field whether or not it has a value.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StatusSnapshot))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;

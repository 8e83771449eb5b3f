using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Hardware.Boards.Json;

/// <summary>Source-generated reader for profile files: camelCase, comments and trailing commas allowed
/// (people write these by hand).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(BoardProfileDocument))]
internal sealed partial class BoardProfileJsonContext : JsonSerializerContext;

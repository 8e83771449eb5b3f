using System.Text.Json.Serialization;
using Edge.Uplink.Messages;

namespace Edge.Cli.Collect;

/// <summary>The sensor's messages read strictly, as their schemas are written
/// (<c>additionalProperties: false</c>): an unknown property, a duplicate one, or null where the
/// contract has a value fails the read. Source-generated (no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(AlertMessage))]
[JsonSerializable(typeof(StatusMessage))]
[JsonSerializable(typeof(HeartbeatMessage))]
internal sealed partial class CollectJsonContext : JsonSerializerContext;

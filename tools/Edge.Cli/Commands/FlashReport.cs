using System.Text.Json.Serialization;

namespace Edge.Cli.Commands;

/// <summary>One line of <c>edgectl flash --json</c>: progress while sending, then the result, for each
/// transfer (<see cref="Kind"/> <c>provisioning</c>, then <c>bundle</c>).</summary>
internal sealed record FlashReport(string Event, long Bytes, long Total, double BytesPerSecond, double? SecondsLeft,
    int Reconnects, long BytesResent, bool? Installed = null, int? Code = null, string? Message = null, double? Seconds = null,
    string Kind = "bundle");

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FlashReport))]
internal sealed partial class FlashJsonContext : JsonSerializerContext;

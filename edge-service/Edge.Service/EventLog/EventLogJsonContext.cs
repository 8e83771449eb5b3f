using System.Text.Json.Serialization;

namespace Edge.Service.EventLog;

/// <summary>Source-generated serialization of the event log: no reflection, NativeAOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventRecord))]
public sealed partial class EventLogJsonContext : JsonSerializerContext;

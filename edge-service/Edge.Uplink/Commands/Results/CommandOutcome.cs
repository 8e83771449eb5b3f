using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Edge.Uplink.Commands.Results;

/// <summary>What a handler returns: a result object, or an error; the processor adds id, name and time.</summary>
public readonly record struct CommandOutcome(JsonElement? Result, CommandError? Error)
{
    public bool Ok => Error is null;

    public static CommandOutcome Done() => new(null, null);

    public static CommandOutcome Done<T>(T result, JsonTypeInfo<T> typeInfo) =>
        new(JsonSerializer.SerializeToElement(result, typeInfo), null);

    public static implicit operator CommandOutcome(CommandError error) => new(null, error);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Uplink.Commands.Results;

/// <summary>The reply on <c>…/cmd-result</c> to every command, schema <c>edge.cmd-result/1</c>:
/// <see cref="Ok"/> with a <see cref="Result"/> object, or not with an <see cref="Error"/>.
/// <see cref="Id"/> is the command's id, null when none could be read.</summary>
public sealed class CommandResult
{
    public const string SchemaName = "edge.cmd-result/1";

    public string Schema { get; init; } = SchemaName;

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Id { get; init; }

    public string? Name { get; init; }

    public bool Ok { get; init; }

    public CommandError? Error { get; init; }

    public JsonElement? Result { get; init; }

    /// <summary>When the sensor answered (ISO 8601 UTC).</summary>
    public required string Ts { get; init; }

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, CommandJsonContext.Default.CommandResult);
}

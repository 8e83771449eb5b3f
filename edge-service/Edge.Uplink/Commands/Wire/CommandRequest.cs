using System.Text.Json;
using System.Text.Json.Nodes;

namespace Edge.Uplink.Commands.Wire;

/// <summary>A command to sign (the requester's side: tests, <c>edgectl cmd</c>): written as the
/// body JSON that <see cref="CommandBody"/> reads.</summary>
public sealed record CommandRequest(string Id, string Name, string Agency, string Sensor, DateTimeOffset Ts)
{
    public DateTimeOffset? Expires { get; init; }

    public JsonObject? Args { get; init; }

    /// <summary>A new request with a random id.</summary>
    public static CommandRequest Create(string name, string agency, string sensor, DateTimeOffset ts, JsonObject? args = null) =>
        new(Guid.NewGuid().ToString("N"), name, agency, sensor, ts) { Args = args };

    public byte[] ToUtf8Json()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", Id);
            writer.WriteString("name", Name);
            writer.WriteString("agency", Agency);
            writer.WriteString("sensor", Sensor);
            writer.WriteString("ts", CommandTimestamp.Format(Ts));
            if (Expires is { } expires)
                writer.WriteString("expires", CommandTimestamp.Format(expires));
            if (Args is not null)
            {
                writer.WritePropertyName("args");
                Args.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}

using System.Text.RegularExpressions;

namespace Edge.Uplink.Topics;

/// <summary>The MQTT topics of one sensor (contract version 1, DESIGN.md):
/// <c>{prefix}/{agency}/{sensor}/status|heartbeat|alert/{category}|cmd/{name}|cmd-result</c>.</summary>
public sealed partial class TopicLayout
{
    public const string DefaultPrefix = "edge/v1";

    public TopicLayout(string agency, string sensor, string prefix = DefaultPrefix)
    {
        if (!IsId(agency))
            throw new ArgumentException($"agency id '{agency}' must be 1 to 64 of a-z, 0-9 and '-'", nameof(agency));
        if (!IsId(sensor))
            throw new ArgumentException($"sensor id '{sensor}' must be 1 to 64 of a-z, 0-9 and '-'", nameof(sensor));
        if (prefix.Length == 0 || prefix.Contains('+', StringComparison.Ordinal) || prefix.Contains('#', StringComparison.Ordinal)
            || prefix.StartsWith('/') || prefix.EndsWith('/'))
            throw new ArgumentException($"topic prefix '{prefix}' must be a plain topic without wildcards or outer slashes", nameof(prefix));
        Agency = agency;
        Sensor = sensor;
        Prefix = prefix;
        Root = $"{prefix}/{agency}/{sensor}";
    }

    public string Agency { get; }

    public string Sensor { get; }

    public string Prefix { get; }

    /// <summary><c>{prefix}/{agency}/{sensor}</c>.</summary>
    public string Root { get; }

    public string Status => Root + "/status";

    public string Heartbeat => Root + "/heartbeat";

    public string CommandResult => Root + "/cmd-result";

    /// <summary>What the sensor subscribes to for its commands.</summary>
    public string CommandFilter => Root + "/cmd/+";

    public string CommandPrefix => Root + "/cmd/";

    public string Alert(string category) => $"{Root}/alert/{category}";

    public string Command(string name) => CommandPrefix + name;

    /// <summary>The command name of a topic under <see cref="CommandPrefix"/>, or null.</summary>
    public string? CommandName(string topic) =>
        topic.StartsWith(CommandPrefix, StringComparison.Ordinal) && topic.Length > CommandPrefix.Length
            && topic.IndexOf('/', CommandPrefix.Length) < 0
            ? topic[CommandPrefix.Length..]
            : null;

    public static bool IsId(string value) => IdPattern().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z")]
    private static partial Regex IdPattern();
}

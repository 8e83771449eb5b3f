using Edge.Uplink.Topics;

namespace Edge.Cli.Collect;

/// <summary>What the collector subscribes to under a prefix, and what a received topic names.
/// Alerts and heartbeats go through the shared subscription <c>$share/{group}/…</c>, so each
/// message reaches one collector of the group. Status is retained, and the broker sends no retained
/// message to a shared subscription (MQTT 5 §4.8.2; mosquitto does the same): every collector
/// subscribes to it plainly and stores it (the store keeps the newest status per sensor).</summary>
public sealed class CollectTopics
{
    /// <param name="shared">False for a broker without shared subscriptions (RabbitMQ's MQTT plugin):
    /// every collector then gets every message, and the store's idempotence absorbs the duplicates.</param>
    public CollectTopics(string prefix, string group, bool shared = true)
    {
        Prefix = prefix;
        var share = shared ? $"$share/{group}/" : "";
        AlertFilter = $"{share}{prefix}/+/+/alert/#";
        HeartbeatFilter = $"{share}{prefix}/+/+/heartbeat";
        StatusFilter = $"{prefix}/+/+/status";
    }

    public string Prefix { get; }

    public string AlertFilter { get; }

    public string HeartbeatFilter { get; }

    public string StatusFilter { get; }

    public IReadOnlyList<string> Filters => [AlertFilter, HeartbeatFilter, StatusFilter];

    /// <summary><c>{prefix}/{agency}/{sensor}/alert/{category}</c>, <c>…/status</c> or
    /// <c>…/heartbeat</c>, with valid agency and sensor ids; otherwise the reason.</summary>
    public bool TryParse(string topic, out TopicParts parts, out string reason)
    {
        parts = default;
        if (!topic.StartsWith(Prefix, StringComparison.Ordinal) || topic.Length <= Prefix.Length || topic[Prefix.Length] != '/')
        {
            reason = $"topic is not under {Prefix}/";
            return false;
        }
        var levels = topic[(Prefix.Length + 1)..].Split('/');
        var kind = levels switch
        {
            [_, _, "alert", var category] when category.Length > 0 => TopicKind.Alert,
            [_, _, "status"] => TopicKind.Status,
            [_, _, "heartbeat"] => TopicKind.Heartbeat,
            _ => TopicKind.None,
        };
        if (kind == TopicKind.None)
        {
            reason = $"topic is not {Prefix}/{{agency}}/{{sensor}}/alert/{{category}}, /status or /heartbeat";
            return false;
        }
        if (!TopicLayout.IsId(levels[0]) || !TopicLayout.IsId(levels[1]))
        {
            reason = $"topic: agency and sensor ids must be 1 to 64 of a-z, 0-9 and '-' ({RejectText.Quote(levels[0])}, {RejectText.Quote(levels[1])})";
            return false;
        }
        parts = new TopicParts(kind, levels[0], levels[1], kind == TopicKind.Alert ? levels[3] : null);
        reason = "";
        return true;
    }
}

public enum TopicKind
{
    None,
    Alert,
    Status,
    Heartbeat,
}

public readonly record struct TopicParts(TopicKind Kind, string Agency, string Sensor, string? Category);

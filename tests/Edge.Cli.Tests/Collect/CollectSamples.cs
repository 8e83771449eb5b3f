using System.Text;
using System.Text.Json.Nodes;
using Edge.Cli.Collect;
using Edge.Cli.Tests.Store;
using Edge.Cli.Tests.TestSupport;

namespace Edge.Cli.Tests.Collect;

/// <summary>Messages for the collector's tests: what a real sensor published (Samples/), and alerts
/// made from the store fixtures, as topic and payload bytes.</summary>
internal static class CollectSamples
{
    public const string AlertTopic = "edge/v1/town-a/gw-1/alert/phishing";
    public const string StatusTopic = "edge/v1/town-a/gw-1/status";
    public const string HeartbeatTopic = "edge/v1/town-a/gw-1/heartbeat";

    public static readonly CollectTopics Topics = new("edge/v1", "incident");

    public static IncomingParser Parser() => new(Topics);

    /// <summary>Samples/published-sample.tsv: topic and payload of every message of a real replay.</summary>
    public static IReadOnlyList<(string Topic, byte[] Payload)> Published() =>
        File.ReadAllLines(Path.Combine(Pcaps.RepositoryRoot(), "tests", "Edge.Cli.Tests", "Collect", "Samples", "published-sample.tsv"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0], Encoding.UTF8.GetBytes(parts[1])))
            .ToList();

    /// <summary>A valid alert from the store fixtures as a JSON tree, to change one thing in.</summary>
    public static JsonObject AlertJson(string id = "01J0000000000000000000000A") =>
        JsonNode.Parse(StoreFixtures.Alert(id).Payload)!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}

using System.Text.Json;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Service;

/// <summary>The whole sensor against a real mosquitto: <c>edge-service replay --publish</c> with the
/// broker given by environment, as an appliance is configured.</summary>
public sealed class ServicePublishTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string Root = "edge/v1/town-a/gw-1";

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("edge-service-state-");

    public void Dispose() => _state.Delete(recursive: true);

    private Dictionary<string, string> Environment(int port) => new()
    {
        ["Edge__Uplink__Broker"] = $"mqtt://127.0.0.1:{port}",
        ["Edge__Uplink__KeepAliveSeconds"] = "5",
        ["Edge__Uplink__ReconnectMinSeconds"] = "0.1",
        ["Edge__Uplink__ReconnectMaxSeconds"] = "0.5",
        ["Edge__Sensor__Agency"] = "town-a",
        ["Edge__Sensor__Id"] = "gw-1",
        ["Edge__Sensor__StateDirectory"] = _state.FullName,
    };

    private static HashSet<string> AlertIds(TestSubscriber subscriber)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in subscriber.Received)
        {
            if (!message.Topic.StartsWith(Root + "/alert/", StringComparison.Ordinal))
                continue;
            using var doc = JsonDocument.Parse(message.Payload);
            ids.Add(doc.RootElement.GetProperty("id").GetString()!);
        }
        return ids;
    }

    [Fact]
    public async Task Every_alert_of_the_sample_reaches_the_broker_valid_against_the_schema()
    {
        MosquittoProcess.RequireInstalled();
        await using var broker = await MosquittoProcess.StartAsync();
        await using var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "responder", filters: Root + "/#");

        using var service = ServiceProcess.Start(Environment(broker.Port), "replay", "--no-progress", "--publish");
        Assert.Equal(0, service.WaitForExit(Wait));

        await Eventually.TrueAsync(() => AlertIds(subscriber).Count >= 23, Wait, "23 alerts at the responder");
        Assert.Equal(23, AlertIds(subscriber).Count);
        foreach (var message in subscriber.Received.Where(m => m.Topic.Contains("/alert/", StringComparison.Ordinal)))
            SchemaValidator.AssertValid("edge.alert.v1.schema.json", message.Payload);
        Assert.Contains("0 left", service.Output, StringComparison.Ordinal);
        using var outbox = new SqliteOutbox(new OutboxOptions { Path = Path.Combine(_state.FullName, "outbox.db") });
        Assert.Equal(0, outbox.Stats.Depth);
    }

    [Fact]
    public async Task Service_killed_with_sigkill_loses_no_stored_alert_the_will_appears_and_birth_replaces_it()
    {
        MosquittoProcess.RequireInstalled();
        await using var broker = await MosquittoProcess.StartAsync();
        await using var responder = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "responder", persistent: true,
            filters: Root + "/#");
        responder.KeepConnected();

        // The broker gets the sensor's CONNECT (session, Last Will) and nothing after it: the sensor
        // publishes every alert and no PUBACK comes back, so they are all in flight when it dies.
        await using var proxy = new TcpProxy(broker.Port) { HoldAfterConnect = true };
        using var first = ServiceProcess.Start(Environment(proxy.Port), "replay", "--no-progress", "--publish");
        var outboxPath = Path.Combine(_state.FullName, "outbox.db");
        await Eventually.TrueAsync(() => first.Output.Contains("replayed", StringComparison.Ordinal) && proxy.Connections > 0,
            Wait, "the replay done and the uplink connected, waiting for PUBACKs");
        first.KillHard();
        proxy.HoldAfterConnect = false;

        HashSet<string> stored;
        using (var outbox = new SqliteOutbox(new OutboxOptions { Path = outboxPath }))
        {
            stored = outbox.Read(0, 10_000).Where(r => r.Topic.Contains("/alert/", StringComparison.Ordinal))
                .Select(r => r.MessageId!).ToHashSet(StringComparer.Ordinal);
        }
        Assert.True(stored.Count >= 23, $"{stored.Count} alerts in the outbox after the kill");
        await Eventually.TrueAsync(() => responder.On(Root + "/status").Any(m => m.Payload.Contains("offline", StringComparison.Ordinal)),
            Wait, "the Last Will");

        Assert.Empty(AlertIds(responder));

        using var second = ServiceProcess.Start(Environment(proxy.Port), "replay", "--no-progress", "--publish");
        Assert.Equal(0, second.WaitForExit(Wait));
        await Eventually.TrueAsync(() => stored.IsSubsetOf(AlertIds(responder)), Wait, "every stored alert delivered after the restart");
        var statuses = responder.On(Root + "/status").Select(m => m.Payload).ToList();
        var will = statuses.FindIndex(p => p.Contains("offline", StringComparison.Ordinal));
        Assert.True(will >= 0 && statuses.FindIndex(will + 1, p => p.Contains("\"online\"", StringComparison.Ordinal)) > will,
            "birth after the will: " + string.Join(" | ", statuses));
    }
}

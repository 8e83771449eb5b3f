using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Service;

/// <summary>Signed commands through a real mosquitto to the real service: sent while the sensor is
/// away, kept by its persistent session, carried out (or refused with a reason) when it is back, each
/// answered on <c>cmd-result</c> by id, and the alerts of the same run still all delivered.</summary>
public sealed class ServiceCommandTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string Agency = "town-a";
    private const string Sensor = "gw-1";
    private const string Root = $"edge/v1/{Agency}/{Sensor}";

    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("edge-service-cmd-");
    private readonly CommandSigner _team;
    private readonly CommandSigner _stranger = new("stranger", Ed25519Signatures.NewPrivateKey());

    public ServiceCommandTests() => _team = new CommandSigner("incident-1", Ed25519Signatures.NewPrivateKey());

    public void Dispose() => _state.Delete(recursive: true);

    private Dictionary<string, string> Environment(int port) => new()
    {
        ["Edge__Uplink__Broker"] = $"mqtt://127.0.0.1:{port}",
        ["Edge__Sensor__Agency"] = Agency,
        ["Edge__Sensor__Id"] = Sensor,
        ["Edge__Sensor__StateDirectory"] = _state.FullName,
        ["Edge__Commands__TrustedKeys__incident-1"] = Convert.ToBase64String(_team.PublicKey),
    };

    private static byte[] Command(CommandSigner signer, string name, string id, JsonObject? args = null) =>
        signer.Sign(new CommandRequest(id, name, Agency, Sensor, DateTimeOffset.UtcNow) { Args = args });

    private static Dictionary<string, JsonElement> Results(TestSubscriber responder)
    {
        var results = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var message in responder.On(Root + "/cmd-result"))
        {
            var result = JsonDocument.Parse(message.Payload).RootElement;
            // The first answer per id: a repeated command's answer (replayed) comes after it.
            if (result.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                results.TryAdd(id.GetString()!, result);
            else
                results.TryAdd("(no id)", result);
        }
        return results;
    }

    [Fact]
    public async Task Queued_commands_are_carried_out_or_refused_by_reason_and_the_alerts_still_arrive()
    {
        MosquittoProcess.RequireInstalled();
        await using var broker = await MosquittoProcess.StartAsync();
        await using var responder = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "responder", filters: Root + "/#");

        // The first run makes the sensor's persistent session (with its command subscription).
        using (var first = ServiceProcess.Start(Environment(broker.Port), "replay", "--no-progress", "--publish"))
            Assert.Equal(0, first.WaitForExit(Wait));
        await Eventually.TrueAsync(() => responder.On(Root + "/status").Any(), Wait, "birth of the first run");
        var alertId = responder.Received.Where(m => m.Topic.Contains("/alert/", StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement)
            .First(a => a.GetProperty("severity").GetString() is "high" or "critical").GetProperty("id").GetString()!;

        // While it is away, the incident team sends commands; the broker keeps them for the session.
        var sends = new (string Name, byte[] Payload)[]
        {
            ("ping", Command(_team, "ping", "c-ping")),
            ("ack", Command(_team, "ack", "c-ack", new JsonObject { ["alert_id"] = alertId })),
            ("config-get", Command(_team, "config-get", "c-get", new JsonObject { ["section"] = "Detection" })),
            ("ping", Command(_stranger, "ping", "c-stranger")),
            ("ack", Command(_team, "ack", "c-bad-arg", new JsonObject { ["alert_id"] = "not-a-ulid" })),
            ("ping", Encoding.UTF8.GetBytes("{ this is not json")),
            ("ping", [0xff, 0x00, 0xfe, 0x01]),
        };
        foreach (var (name, payload) in sends)
            await responder.PublishAsync(Root + "/cmd/" + name, payload);
        await responder.PublishAsync(Root + "/cmd/ping", Encoding.UTF8.GetString(Command(_team, "ping", "c-ping")));

        string secondOutput;
        using (var second = ServiceProcess.Start(Environment(broker.Port), "replay", "--no-progress", "--publish"))
        {
            Assert.Equal(0, second.WaitForExit(Wait));
            secondOutput = second.Output;
        }

        try
        {
            await Eventually.TrueAsync(() => responder.On(Root + "/cmd-result").Count() >= sends.Length + 1, Wait, "a result for every command");
        }
        catch (Xunit.Sdk.FailException)
        {
            Assert.Fail($"results: {string.Join(" | ", responder.On(Root + "/cmd-result").Select(m => m.Payload))}\nservice:\n{secondOutput}");
        }
        var results = Results(responder);
        Assert.True(results["c-ping"].GetProperty("ok").GetBoolean());
        Assert.True(results["c-ack"].GetProperty("ok").GetBoolean());
        Assert.True(results["c-get"].GetProperty("ok").GetBoolean());
        Assert.Equal(10, results["c-get"].GetProperty("result").GetProperty("config").GetProperty("DgaBurst").GetInt32());
        Assert.Equal("unknown_key", Code(results["c-stranger"]));
        Assert.Equal("invalid_argument", Code(results["c-bad-arg"]));
        Assert.Equal("args.alert_id", results["c-bad-arg"].GetProperty("error").GetProperty("field").GetString());
        Assert.Equal("malformed", Code(results["(no id)"]));
        // The same signed ping sent twice: the second is a replay.
        Assert.Contains(responder.On(Root + "/cmd-result"), m => m.Payload.Contains("\"replayed\"", StringComparison.Ordinal));
        // The alert stream of the second run is whole beside the commands.
        var alertMessages = responder.Received.Count(m => m.Topic.Contains("/alert/", StringComparison.Ordinal));
        Assert.True(alertMessages >= 2 * 27, $"{alertMessages} alert messages over two runs");
    }

    private static string? Code(JsonElement result) =>
        result.GetProperty("ok").GetBoolean() ? null : result.GetProperty("error").GetProperty("code").GetString();
}

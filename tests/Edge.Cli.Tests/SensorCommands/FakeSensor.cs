using System.Buffers;
using System.Text.Json;
using Edge.Uplink.Commands;
using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Commands.Replay;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Topics;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Cli.Tests.SensorCommands;

/// <summary>The sensor's side of a command, as the service runs it: the real <see cref="CommandProcessor"/>
/// (signature, target, time and replay checks) over actions that only record what they were asked.</summary>
internal sealed class FakeSensor : ISensorActions
{
    public const string Agency = "town-a";
    public const string Sensor = "gw-1";
    public const string KnownAlert = "01JX0000000000000000000ACK";

    public FakeSensor(TrustedKeys keys, TimeProvider time) =>
        Processor = new CommandProcessor(new CommandOptions { Agency = Agency, Sensor = Sensor, WorkDirectory = Path.Combine(Path.GetTempPath(), "edge-cli-tests-intel") },
            keys, this, new InMemorySeenCommandStore(), time);

    public CommandProcessor Processor { get; }

    public List<string> Acked { get; } = [];

    public int LedTests { get; private set; }

    public ValueTask<bool> AckAsync(string alertId, CancellationToken cancellationToken)
    {
        if (alertId != KnownAlert)
            return ValueTask.FromResult(false);
        Acked.Add(alertId);
        return ValueTask.FromResult(true);
    }

    public ValueTask LedTestAsync(CancellationToken cancellationToken)
    {
        LedTests++;
        return ValueTask.CompletedTask;
    }

    /// <summary>The bytes of each intel list swapped in, as the sensor had them.</summary>
    public List<(string List, string? Category, byte[] Data)> IntelLists { get; } = [];

    /// <summary>The evidence pcap kept for <see cref="KnownAlert"/>.</summary>
    public byte[] Evidence { get; } = Enumerable.Range(0, 70_340).Select(i => (byte)(i * 7 % 251)).ToArray();

    public ValueTask<IntelApplyOutcome> ApplyIntelAsync(IntelUpdate update, CancellationToken cancellationToken)
    {
        IntelLists.Add((update.List, update.Category, File.ReadAllBytes(update.Path)));
        return ValueTask.FromResult(IntelApplyOutcome.Applied(1, "v-test"));
    }

    public ValueTask<JsonElement?> GetConfigAsync(string? section, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonElement?>(JsonDocument.Parse("{\"Broker\":\"mqtt://127.0.0.1:1883\"}").RootElement.Clone());

    public ValueTask<ConfigSetOutcome> SetConfigAsync(string key, string value, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ConfigSetOutcome.Accepted());

    public Stream? OpenEvidence(string alertId) => alertId == KnownAlert ? new MemoryStream(Evidence, writable: false) : null;

    /// <summary>Connects to a broker as the sensor would for commands: takes <c>…/cmd/+</c> and
    /// publishes each result on <c>…/cmd-result</c>, after <paramref name="before"/> (another
    /// command's result, say) when given.</summary>
    public async Task<IMqttClient> ServeAsync(int port, Func<IMqttClient, Task>? before = null)
    {
        var topics = new TopicLayout(Agency, Sensor);
        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var name = topics.CommandName(e.ApplicationMessage.Topic);
            if (name is null)
                return;
            var result = await Processor.HandleAsync(name, e.ApplicationMessage.Payload.ToArray(), CancellationToken.None);
            if (before is not null)
                await before(client);
            await client.PublishAsync(new MqttApplicationMessage
            {
                Topic = topics.CommandResult,
                Payload = new ReadOnlySequence<byte>(result.ToUtf8Json()),
                QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
            });
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("edge.town-a.gw-1").Build(),
            TestContext.Current.CancellationToken);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topics.CommandFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestContext.Current.CancellationToken);
        return client;
    }
}

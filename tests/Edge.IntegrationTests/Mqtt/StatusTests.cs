using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Mqtt;

/// <summary>The retained status topic tells the truth: the broker publishes the Last Will
/// (<c>offline</c>) when the sensor's connection dies without a word, and the birth message
/// (<c>online</c>) replaces it when the sensor is back.</summary>
public class StatusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("5")]
    [InlineData("3.1.1")]
    public async Task Last_will_on_an_abrupt_drop_then_birth_replaces_it(string version)
    {
        await using var broker = await MosquittoProcess.StartAsync();
        await using var proxy = new TcpProxy(broker.Port);
        var options = new UplinkOptions
        {
            Broker = $"mqtt://127.0.0.1:{proxy.Port}",
            ProtocolVersion = version,
            KeepAliveSeconds = 5,
            ReconnectMinSeconds = 0.1,
            ReconnectMaxSeconds = 0.5,
        };
        await using var uplink = new MqttUplink(options, Alerts.Identity(), new InMemoryOutbox(), new ListLogger(output));
        var status = uplink.Topics.Status;
        uplink.Start();
        await Eventually.TrueAsync(() => uplink.Stats.Connected, Wait, "connected");
        Assert.Contains("\"state\":\"online\"", await RetainedStatusAsync(broker, status, "first"), StringComparison.Ordinal);

        proxy.RefuseNew = true;
        proxy.DropAll();
        await Eventually.TrueAsync(() => !uplink.Stats.Connected, Wait, "the sensor sees its link gone");
        var will = await RetainedStatusAsync(broker, status, "will");
        Assert.Equal("""{"schema":"edge.status/1","state":"offline"}""", will);

        proxy.RefuseNew = false;
        await Eventually.TrueAsync(() => uplink.Stats.Reconnects >= 1 && uplink.Stats.Connected, Wait, "reconnected");
        var birth = await RetainedStatusAsync(broker, status, "birth");
        Assert.Contains("\"state\":\"online\"", birth, StringComparison.Ordinal);
        Assert.Contains("\"board\":\"test-board\"", birth, StringComparison.Ordinal);
    }

    /// <summary>What a consumer arriving now gets as the retained status (waits until it is there).</summary>
    private static async Task<string> RetainedStatusAsync(MosquittoProcess broker, string topic, string name)
    {
        var deadline = DateTime.UtcNow + Wait;
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            await using var consumer = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, $"status-{name}-{Guid.NewGuid():N}", filters: topic);
            await Eventually.TrueAsync(() => consumer.On(topic).Any(), Wait, $"retained status ({name})");
            var message = consumer.On(topic).First();
            Assert.True(message.Retain);
            last = message.Payload;
            var wantOnline = name != "will";
            if (last.Contains("\"online\"", StringComparison.Ordinal) == wantOnline)
                return last;
            await Task.Delay(100);
        }

        Assert.Fail($"retained status never became the {name} message; last: {last}");
        return "";
    }
}

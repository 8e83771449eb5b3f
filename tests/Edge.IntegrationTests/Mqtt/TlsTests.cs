using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Mqtt;

/// <summary>TLS to mosquitto with certificates made by the test: the pinned CA is the only trust,
/// mutual TLS works, and each refusal says why in one log line.</summary>
public class TlsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static UplinkOptions Options(int port, string? caFile, string? certificate = null, string? key = null) => new()
    {
        Broker = $"mqtts://127.0.0.1:{port}",
        CaFile = caFile,
        ClientCertificateFile = certificate,
        ClientKeyFile = key,
        KeepAliveSeconds = 5,
        ReconnectMinSeconds = 0.2,
        ReconnectMaxSeconds = 1,
        ConnectTimeoutSeconds = 5,
    };

    private async Task<(MqttUplink Uplink, InMemoryOutbox Outbox, ListLogger Log)> StartAsync(UplinkOptions options)
    {
        var outbox = new InMemoryOutbox();
        var log = new ListLogger(output);
        var uplink = new MqttUplink(options, Alerts.Identity(), outbox, log);
        for (var i = 1; i <= 10; i++)
            outbox.Add(Alerts.Item(uplink.Topics.Alert("phishing"), i));
        uplink.Start();
        await Task.Yield();
        return (uplink, outbox, log);
    }

    [Fact]
    public async Task Server_tls_with_the_pinned_ca_delivers()
    {
        using var pki = new TestCertificates();
        await using var broker = await MosquittoProcess.StartAsync(pki.ListenerConfig(requireClientCertificate: false));
        var (uplink, outbox, _) = await StartAsync(Options(broker.Port, pki.CaFile));
        await using (uplink)
            await Eventually.TrueAsync(() => uplink.Stats.Sent == 10, Wait, "10 alerts over TLS");
        Assert.Equal(0, outbox.Stats.Depth);
    }

    [Fact]
    public async Task Mutual_tls_with_a_client_certificate_delivers()
    {
        using var pki = new TestCertificates();
        await using var broker = await MosquittoProcess.StartAsync(pki.ListenerConfig(requireClientCertificate: true));
        var (uplink, _, _) = await StartAsync(Options(broker.Port, pki.CaFile, pki.ClientCertificateFile, pki.ClientKeyFile));
        await using (uplink)
            await Eventually.TrueAsync(() => uplink.Stats.Sent == 10, Wait, "10 alerts over mutual TLS");
    }

    [Fact]
    public async Task A_broker_certificate_from_another_ca_is_refused_with_a_clear_line()
    {
        using var pki = new TestCertificates();
        await using var broker = await MosquittoProcess.StartAsync(pki.ListenerConfig(requireClientCertificate: false));
        var (uplink, outbox, log) = await StartAsync(Options(broker.Port, pki.OtherCaFile));
        await using (uplink)
        {
            var line = $"TLS: the broker's certificate does not chain to the pinned CA {pki.OtherCaFile}";
            await Eventually.TrueAsync(() => log.Contains(line), Wait, line);
            Assert.Equal(0, uplink.Stats.Connects);
            Assert.StartsWith(line, uplink.Stats.LastError, StringComparison.Ordinal);
        }

        Assert.Equal(10, outbox.Stats.Depth);
    }

    [Fact]
    public async Task Without_a_pinned_ca_the_system_store_decides_and_refuses_a_private_ca()
    {
        using var pki = new TestCertificates();
        await using var broker = await MosquittoProcess.StartAsync(pki.ListenerConfig(requireClientCertificate: false));
        var (uplink, _, log) = await StartAsync(Options(broker.Port, caFile: null));
        await using (uplink)
            await Eventually.TrueAsync(() => log.Contains("does not chain to a CA of the system store"), Wait, "system store refusal");
        Assert.Equal(0, uplink.Stats.Connects);
    }

    [Fact]
    public async Task A_missing_client_certificate_is_refused_with_a_clear_line()
    {
        using var pki = new TestCertificates();
        await using var broker = await MosquittoProcess.StartAsync(pki.ListenerConfig(requireClientCertificate: true));
        var (uplink, outbox, log) = await StartAsync(Options(broker.Port, pki.CaFile));
        await using (uplink)
        {
            await Eventually.TrueAsync(() => log.Contains("broker refused: client certificate required"), Wait, "client certificate required");
            Assert.Equal(0, uplink.Stats.Connects);
        }

        Assert.Equal(10, outbox.Stats.Depth);
    }
}

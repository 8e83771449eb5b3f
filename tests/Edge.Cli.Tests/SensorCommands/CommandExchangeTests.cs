using System.Buffers;
using System.Text.Json.Nodes;
using Edge.Cli.Broker;
using Edge.Cli.SensorCommands;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Embedded;
using Edge.Uplink.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Cli.Tests.SensorCommands;

/// <summary>The exchange on an in-process broker with a sensor double that answers as the service does.</summary>
public sealed class CommandExchangeTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly SensorAddress Target = new(FakeSensor.Agency, FakeSensor.Sensor);
    private readonly CommandSigner _team = new("team-1", Ed25519Signatures.NewPrivateKey());

    private SensorCommandRunner Runner(int port, double timeoutSeconds = 10) =>
        new(new BrokerOptions(BrokerEndpoint.Parse($"mqtt://127.0.0.1:{port}")), "edge/v1", _team, TimeSpan.FromSeconds(timeoutSeconds), TimeProvider.System);

    [Fact]
    public async Task The_answer_with_the_commands_id_is_returned_and_another_commands_answer_passed_over()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: Cancel);
        var sensor = new FakeSensor(new TrustedKeys().Add(_team.KeyId, _team.PublicKey), TimeProvider.System);
        // A colleague's command answered just before ours: same topic, other id.
        using var client = await sensor.ServeAsync(broker.Port, c => c.PublishAsync(new MqttApplicationMessage
        {
            Topic = "edge/v1/town-a/gw-1/cmd-result",
            Payload = new ReadOnlySequence<byte>("{\"schema\":\"edge.cmd-result/1\",\"id\":\"someone-else\",\"name\":\"ack\",\"ok\":false,\"ts\":\"2026-06-01T12:00:00.000Z\"}"u8.ToArray()),
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce,
        }, Cancel));

        var outcome = await Runner(broker.Port).RunAsync(Target, "ack", new JsonObject { ["alert_id"] = FakeSensor.KnownAlert }, Cancel);

        Assert.True(outcome.Ok, SensorCommandReport.Text(outcome, null));
        Assert.Equal(outcome.Request.Id, outcome.Answer!.Result.Id);
        Assert.Equal([FakeSensor.KnownAlert], sensor.Acked);
    }

    [Fact]
    public async Task A_refusal_comes_back_as_the_sensors_answer_not_as_a_timeout()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: Cancel);
        var sensor = new FakeSensor(new TrustedKeys().Add(_team.KeyId, _team.PublicKey), TimeProvider.System);
        using var client = await sensor.ServeAsync(broker.Port);

        var outcome = await Runner(broker.Port).RunAsync(Target, "ack", new JsonObject { ["alert_id"] = "01JX00000000000000000000ZZ" }, Cancel);

        Assert.False(outcome.Ok);
        Assert.False(outcome.TimedOut);
        Assert.Equal("not_found", outcome.Answer!.Result.Error!.Code);
    }

    [Fact]
    public async Task No_sensor_listening_is_a_timeout_after_the_wait_not_before()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: Cancel);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var outcome = await Runner(broker.Port, timeoutSeconds: 1).RunAsync(Target, "ping", [], Cancel);

        Assert.True(outcome.TimedOut);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.95, 10);
        Assert.StartsWith("no answer from town-a/gw-1 to ping within 1s", SensorCommandReport.Text(outcome, null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_intel_list_goes_over_in_chunks_and_the_sensor_gets_exactly_the_file()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: Cancel);
        var sensor = new FakeSensor(new TrustedKeys().Add(_team.KeyId, _team.PublicKey), TimeProvider.System);
        using var client = await sensor.ServeAsync(broker.Port);
        var path = Path.Combine(Path.GetTempPath(), $"edge-intel-{Guid.NewGuid():N}.txt");
        var list = string.Concat(Enumerable.Range(0, 6000).Select(i => $"bad-{i}.example\n"));
        await File.WriteAllTextAsync(path, list, Cancel);
        var progress = new List<int>();
        try
        {
            var upload = IntelUpload.Read(path, "agency-cnc.txt", "cnc", out _)!;

            var outcome = await Runner(broker.Port).RunAsync(Target, upload, progress.Add, Cancel);

            Assert.True(outcome.Ok, SensorCommandReport.Text(outcome, null));
            Assert.Equal(upload.Chunks, outcome.Exchanges);
            Assert.True(upload.Chunks >= 3, $"{upload.Chunks} chunks");
            var received = Assert.Single(sensor.IntelLists);
            Assert.Equal(("agency-cnc.txt", "cnc"), (received.List, received.Category));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(list), received.Data);
            Assert.Equal(Enumerable.Range(1, upload.Chunks), progress);
            Assert.Contains("\"version\":\"v-test\"", SensorCommandReport.Text(outcome, null), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Evidence_comes_chunk_by_chunk_into_the_file_checked_against_its_hash()
    {
        await using var broker = await EmbeddedBroker.StartAsync(cancellationToken: Cancel);
        var sensor = new FakeSensor(new TrustedKeys().Add(_team.KeyId, _team.PublicKey), TimeProvider.System);
        using var client = await sensor.ServeAsync(broker.Port);
        var path = Path.Combine(Path.GetTempPath(), $"edge-evidence-{Guid.NewGuid():N}.pcap");
        try
        {
            using var download = new EvidenceDownload(FakeSensor.KnownAlert, path);

            var outcome = await Runner(broker.Port).RunAsync(Target, download, null, Cancel);

            Assert.True(outcome.Ok, SensorCommandReport.Text(outcome, null));
            Assert.Equal(3, outcome.Exchanges);
            Assert.Equal(sensor.Evidence, await File.ReadAllBytesAsync(path, Cancel));
            Assert.False(File.Exists(path + ".partial"));
            Assert.StartsWith($"ok: evidence-get on town-a/gw-1 (command ", SensorCommandReport.Text(outcome, null), StringComparison.Ordinal);
            Assert.EndsWith($"evidence of {FakeSensor.KnownAlert}: 70340 bytes, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(sensor.Evidence))}, written to {path}",
                SensorCommandReport.Text(outcome, null), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using System.Text.Json.Nodes;
using Edge.Cli.Broker;
using Edge.Cli.SensorCommands;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;
using Edge.Uplink.Mqtt;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Cli.Tests.SensorCommands;

/// <summary>What edgectl signs is what the sensor's own checks accept: the payload goes through the
/// real CommandVerifier and CommandProcessor.</summary>
public sealed class SensorCommandRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly BrokerOptions Broker = new(BrokerEndpoint.Parse("mqtt://127.0.0.1:1"));
    private static readonly SensorAddress Target = new(FakeSensor.Agency, FakeSensor.Sensor);
    private readonly CommandSigner _team = new("team-1", Ed25519Signatures.NewPrivateKey());
    private readonly FakeTimeProvider _time = new(Now);

    private SensorCommandRunner Runner(CommandSigner? signer = null, double timeoutSeconds = 30) =>
        new(Broker, "edge/v1", signer ?? _team, TimeSpan.FromSeconds(timeoutSeconds), _time);

    private FakeSensor Sensor() => new(new TrustedKeys().Add(_team.KeyId, _team.PublicKey), _time);

    [Fact]
    public void The_request_is_for_the_sensor_now_and_expires_when_the_wait_ends()
    {
        var request = Runner(timeoutSeconds: 45).Request(Target, "ack", new JsonObject { ["alert_id"] = FakeSensor.KnownAlert });

        Assert.Equal(("ack", "town-a", "gw-1", Now, Now.AddSeconds(45)), (request.Name, request.Agency, request.Sensor, request.Ts, request.Expires!.Value));
        Assert.True(CommandBody.IsCommandId(request.Id));
        Assert.NotEqual(request.Id, Runner().Request(Target, "ack", []).Id);
    }

    [Fact]
    public void The_signed_envelope_verifies_with_the_sensors_verifier_and_not_with_another_key()
    {
        var request = Runner().Request(Target, "led-test", []);
        var payload = _team.Sign(request);

        Assert.True(CommandEnvelope.TryRead(payload, 8, out var envelope, out _));
        Assert.True(new CommandVerifier(new TrustedKeys().Add("team-1", _team.PublicKey)).Verify(envelope, out var none), none?.Message);
        var stranger = Ed25519Signatures.PublicKeyOf(Ed25519Signatures.NewPrivateKey());
        Assert.False(new CommandVerifier(new TrustedKeys().Add("team-1", stranger)).Verify(envelope, out var error));
        Assert.Equal(CommandErrorCodes.BadSignature, error!.Code);
    }

    [Fact]
    public async Task The_sensor_carries_out_an_ack_signed_by_edgectl()
    {
        var sensor = Sensor();
        var request = Runner().Request(Target, "ack", new JsonObject { ["alert_id"] = FakeSensor.KnownAlert });

        var result = await sensor.Processor.HandleAsync("ack", _team.Sign(request), TestContext.Current.CancellationToken);

        Assert.True(result.Ok, result.Error?.Message);
        Assert.Equal(request.Id, result.Id);
        Assert.Equal([FakeSensor.KnownAlert], sensor.Acked);
    }

    [Fact]
    public async Task A_command_that_arrives_after_the_wait_is_refused_as_expired_not_carried_out()
    {
        var sensor = Sensor();
        var request = Runner(timeoutSeconds: 30).Request(Target, "led-test", []);

        _time.Advance(TimeSpan.FromSeconds(31));
        var result = await sensor.Processor.HandleAsync("led-test", _team.Sign(request), TestContext.Current.CancellationToken);

        Assert.False(result.Ok);
        Assert.Equal((CommandErrorCodes.Expired, "expires"), (result.Error!.Code, result.Error.Field));
        Assert.Equal(0, sensor.LedTests);
    }

    [Fact]
    public async Task A_key_the_sensor_does_not_trust_is_refused_with_the_command_id_so_edgectl_can_match_it()
    {
        var stranger = new CommandSigner("stranger", Ed25519Signatures.NewPrivateKey());
        var request = Runner(stranger).Request(Target, "led-test", []);

        var result = await Sensor().Processor.HandleAsync("led-test", stranger.Sign(request), TestContext.Current.CancellationToken);

        Assert.Equal((false, CommandErrorCodes.UnknownKey, request.Id), (result.Ok, result.Error!.Code, result.Id));
    }
}

using System.Text;
using System.Text.Json;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;
using Edge.Uplink.Tests.Commands.TestSupport;

namespace Edge.Uplink.Tests.Commands.Signing;

public class CommandSignerTests
{
    [Fact]
    public void Envelope_carries_the_body_bytes_and_a_signature_over_prefix_and_body()
    {
        var signer = new CommandSigner("team-1", CommandFixture.TeamPrivateKey);
        var body = Encoding.UTF8.GetBytes("""{"id":"x","name":"ping"}""");

        using var envelope = JsonDocument.Parse(signer.SignBody(body));
        var root = envelope.RootElement;

        Assert.Equal(1, root.GetProperty("v").GetInt32());
        Assert.Equal("team-1", root.GetProperty("key").GetString());
        Assert.Equal(body, root.GetProperty("body").GetBytesFromBase64());
        var sig = root.GetProperty("sig").GetBytesFromBase64();
        Assert.True(Ed25519Signatures.Verify(signer.PublicKey, [.. "edge.cmd/1\n"u8, .. body], sig));
        Assert.False(Ed25519Signatures.Verify(signer.PublicKey, body, sig));
    }

    [Fact]
    public void Verifier_takes_the_signers_envelope_and_refuses_others()
    {
        var signer = new CommandSigner("team-1", CommandFixture.TeamPrivateKey);
        var verifier = new CommandVerifier(new TrustedKeys().Add("team-1", signer.PublicKey));
        var body = Encoding.UTF8.GetBytes("{}");

        Assert.True(verifier.Verify(signer.Envelope(body), out _));

        var stranger = new CommandSigner("team-1", CommandFixture.OtherPrivateKey);
        Assert.False(verifier.Verify(stranger.Envelope(body), out var error));
        Assert.Equal((CommandErrorCodes.BadSignature, "sig"), (error!.Code, error.Field));

        var unknown = new CommandSigner("team-9", CommandFixture.TeamPrivateKey);
        Assert.False(verifier.Verify(unknown.Envelope(body), out error));
        Assert.Equal((CommandErrorCodes.UnknownKey, "key"), (error!.Code, error.Field));
    }

    [Fact]
    public void A_plain_ed25519_signature_of_the_body_is_not_a_command_signature()
    {
        var signer = new CommandSigner("team-1", CommandFixture.TeamPrivateKey);
        var verifier = new CommandVerifier(new TrustedKeys().Add("team-1", signer.PublicKey));
        var body = Encoding.UTF8.GetBytes("{}");
        var plain = new CommandEnvelope("team-1", body, Ed25519Signatures.Sign(CommandFixture.TeamPrivateKey, body));

        Assert.False(verifier.Verify(plain, out var error));
        Assert.Equal(CommandErrorCodes.BadSignature, error!.Code);
    }

    [Fact]
    public void Request_body_is_what_the_sensor_reads()
    {
        var ts = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var request = new CommandRequest("c1", "ack", "agency-a", "sensor-1", ts)
        {
            Expires = ts.AddMinutes(2),
            Args = new() { ["alert_id"] = RecordingSensorActions.KnownAlert },
        };

        Assert.Equal(
            """{"id":"c1","name":"ack","agency":"agency-a","sensor":"sensor-1","ts":"2025-06-01T12:00:00.000Z","expires":"2025-06-01T12:02:00.000Z","args":{"alert_id":"01JX0000000000000000000ACK"}}""",
            Encoding.UTF8.GetString(request.ToUtf8Json()));
        Assert.True(CommandBody.TryRead(request.ToUtf8Json(), 8, out var body, out _));
        Assert.Equal(("c1", "ack", ts, ts.AddMinutes(2)), (body.Id, body.Name, body.Ts, body.Expires));
        Assert.Equal(RecordingSensorActions.KnownAlert, body.Args.GetProperty("alert_id").GetString());
    }
}

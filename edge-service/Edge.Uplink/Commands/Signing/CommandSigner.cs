using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Signing;

/// <summary>Signs commands with the incident team's private key (tests, <c>edgectl cmd</c> and <c>ack</c>).</summary>
public sealed class CommandSigner
{
    private readonly byte[] _privateKey;

    public CommandSigner(string keyId, ReadOnlySpan<byte> privateKey)
    {
        if (!TrustedKeys.IsKeyId(keyId))
            throw new ArgumentException($"key id '{keyId}' must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'", nameof(keyId));
        KeyId = keyId;
        PublicKey = Ed25519Signatures.PublicKeyOf(privateKey);
        _privateKey = privateKey.ToArray();
    }

    public string KeyId { get; }

    public byte[] PublicKey { get; }

    /// <summary>The MQTT payload for <paramref name="request"/>.</summary>
    public byte[] Sign(CommandRequest request) => SignBody(request.ToUtf8Json());

    /// <summary>The MQTT payload carrying exactly <paramref name="body"/>, signed.</summary>
    public byte[] SignBody(byte[] body) => Envelope(body).ToUtf8Json();

    public CommandEnvelope Envelope(byte[] body) =>
        new(KeyId, body, Ed25519Signatures.Sign(_privateKey, CommandSigning.SignedMessage(body)));
}

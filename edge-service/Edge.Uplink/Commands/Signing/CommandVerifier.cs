using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Signing;

/// <summary>Checks an envelope's signature with the trusted key it names.</summary>
public sealed class CommandVerifier(TrustedKeys keys)
{
    public bool Verify(CommandEnvelope envelope, out CommandError? error)
    {
        if (!keys.TryGet(envelope.KeyId, out var publicKey))
        {
            error = new CommandError(CommandErrorCodes.UnknownKey, "key", $"key '{envelope.KeyId}' is not trusted by this sensor");
            return false;
        }
        if (envelope.Signature.Length != Ed25519Signatures.SignatureSize
            || !Ed25519Signatures.Verify(publicKey.Span, CommandSigning.SignedMessage(envelope.Body), envelope.Signature))
        {
            error = new CommandError(CommandErrorCodes.BadSignature, "sig", $"signature does not verify with key '{envelope.KeyId}'");
            return false;
        }
        error = null;
        return true;
    }
}

using System.Text.Json;
using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Provisioning;

/// <summary>Signs a set into the file a technician carries to the sensor.</summary>
public static class ProvisioningWriter
{
    public static byte[] Write(ProvisioningSet set, string keyId, ReadOnlySpan<byte> privateKey)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(set, ProvisioningJsonContext.Default.ProvisioningSet);
        var envelope = new ProvisioningEnvelope
        {
            Schema = ProvisioningFormat.Schema,
            KeyId = keyId,
            Body = body,
            Signature = Ed25519Signatures.Sign(privateKey, ProvisioningFormat.SignedMessage(body)),
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, ProvisioningJsonContext.Default.ProvisioningEnvelope);
    }
}

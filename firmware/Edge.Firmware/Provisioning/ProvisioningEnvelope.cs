namespace Edge.Firmware.Provisioning;

/// <summary>The file as written: <see cref="Body"/> is the set's exact JSON bytes (base64 on disk), so
/// the signature covers bytes, not a re-serialisation.</summary>
public sealed class ProvisioningEnvelope
{
    public required string Schema { get; init; }

    public required string KeyId { get; init; }

    public required byte[] Body { get; init; }

    public required byte[] Signature { get; init; }
}

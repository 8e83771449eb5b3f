using System.Text;

namespace Edge.Firmware.Provisioning;

/// <summary>The provisioning file: a JSON envelope <c>{schema, key_id, body, signature}</c> whose body
/// (base64) is the <see cref="ProvisioningSet"/> JSON, signed with Ed25519 over
/// <c>"edge.provision/1\n"</c> and the body's exact bytes.</summary>
public static class ProvisioningFormat
{
    public const string Schema = "edge.provision/1";

    /// <summary>A set is a few kilobytes of certificates and keys; anything far bigger is not one.</summary>
    public const int MaxBytes = 256 * 1024;

    public const string FileExtension = ".provision";

    public static byte[] SignedMessage(ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(Schema + "\n");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return message;
    }
}

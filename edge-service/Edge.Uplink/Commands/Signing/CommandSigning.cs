namespace Edge.Uplink.Commands.Signing;

/// <summary>What a command signature covers: a domain-separation prefix and the body's exact bytes,
/// so a signature made for anything else (a firmware bundle, another protocol) is never a valid
/// command signature, and no JSON canonicalisation is needed.</summary>
public static class CommandSigning
{
    public const string DomainPrefix = "edge.cmd/1\n";

    public static byte[] SignedMessage(ReadOnlySpan<byte> body)
    {
        var message = new byte[DomainPrefix.Length + body.Length];
        for (var i = 0; i < DomainPrefix.Length; i++)
            message[i] = (byte)DomainPrefix[i];
        body.CopyTo(message.AsSpan(DomainPrefix.Length));
        return message;
    }
}

using System.Security.Cryptography;
using Rfc8032 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace Edge.Uplink.Commands.Signing;

/// <summary>Pure Ed25519 (RFC 8032 §5.1) over raw bytes: 32-byte private seeds, 32-byte public keys,
/// 64-byte signatures. .NET has no Ed25519 of its own; BouncyCastle's RFC 8032 code does the maths.</summary>
public static class Ed25519Signatures
{
    public const int PrivateKeySize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    public static byte[] NewPrivateKey() => RandomNumberGenerator.GetBytes(PrivateKeySize);

    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        RequireLength(privateKey, PrivateKeySize, nameof(privateKey));
        var publicKey = new byte[PublicKeySize];
        Rfc8032.GeneratePublicKey(privateKey, publicKey);
        return publicKey;
    }

    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message)
    {
        RequireLength(privateKey, PrivateKeySize, nameof(privateKey));
        var signature = new byte[SignatureSize];
        Rfc8032.Sign(privateKey, message, signature);
        return signature;
    }

    /// <summary>False for a wrong signature and for keys or signatures of the wrong length; never throws.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        publicKey.Length == PublicKeySize && signature.Length == SignatureSize
            && Rfc8032.Verify(signature, publicKey, message);

    private static void RequireLength(ReadOnlySpan<byte> key, int length, string name)
    {
        if (key.Length != length)
            throw new ArgumentException($"an Ed25519 key is {length} bytes, not {key.Length}", name);
    }
}

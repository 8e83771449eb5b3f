using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Edge.Watch.Tls;

/// <summary>JA4 b and c parts: SHA-256 of comma-separated 4-digit lowercase hex lists, truncated to
/// 12 hex digits; "000000000000" for an empty list.</summary>
internal static class Ja4Hashes
{
    private const int HashHexLength = 12;
    private const int StackEntries = 256;

    public static void WriteCipherHash(ref AsciiWriter writer, ReadOnlySpan<byte> cipherSuites)
    {
        var count = cipherSuites.Length / 2;
        ushort[]? rented = null;
        var values = count <= StackEntries ? stackalloc ushort[StackEntries] : (rented = ArrayPool<ushort>.Shared.Rent(count));
        var n = 0;
        for (var i = 0; i + 1 < cipherSuites.Length; i += 2)
        {
            var value = BinaryPrimitives.ReadUInt16BigEndian(cipherSuites[i..]);
            if (!Grease.IsGrease(value))
                values[n++] = value;
        }
        values = values[..n];
        values.Sort();
        WriteHash(ref writer, values, default);
        if (rented is not null)
            ArrayPool<ushort>.Shared.Return(rented);
    }

    // Extensions sorted without server_name (0x0000) and ALPN (0x0010), then "_" and the
    // signature algorithms in the client's order.
    public static void WriteExtensionHash(ref AsciiWriter writer, in ClientHello hello)
    {
        var signatures = ReadOnlySpan<byte>.Empty;
        // RFC 8446 §4.2.3: SignatureScheme supported_signature_algorithms<2..2^16-2>.
        if (hello.TryGetExtension(TlsExtensionType.SignatureAlgorithms, out var data) && data.Length >= 2)
            signatures = data[2..][..Math.Min(data.Length - 2, BinaryPrimitives.ReadUInt16BigEndian(data))];
        var count = (hello.Extensions.Length / 4) + (signatures.Length / 2);
        ushort[]? rented = null;
        var values = count <= StackEntries ? stackalloc ushort[StackEntries] : (rented = ArrayPool<ushort>.Shared.Rent(count));
        var n = 0;
        foreach (var extension in hello.EnumerateExtensions())
        {
            var type = extension.Type;
            if (!Grease.IsGrease(type) && type != TlsExtensionType.ServerName && type != TlsExtensionType.Alpn)
                values[n++] = type;
        }
        var extensions = values[..n];
        extensions.Sort();
        var m = n;
        for (var i = 0; i + 1 < signatures.Length; i += 2)
        {
            var value = BinaryPrimitives.ReadUInt16BigEndian(signatures[i..]);
            if (!Grease.IsGrease(value))
                values[m++] = value;
        }
        WriteHash(ref writer, extensions, n == 0 ? default : values[n..m]);
        if (rented is not null)
            ArrayPool<ushort>.Shared.Return(rented);
    }

    private static void WriteHash(ref AsciiWriter writer, scoped ReadOnlySpan<ushort> list, scoped ReadOnlySpan<ushort> suffix)
    {
        if (list.IsEmpty)
        {
            for (var i = 0; i < HashHexLength; i++)
                writer.Write((byte)'0');
            return;
        }
        var textLength = (5 * (list.Length + suffix.Length)) + 1;
        byte[]? rented = null;
        var buffer = textLength <= 5 * StackEntries ? stackalloc byte[5 * StackEntries] : (rented = ArrayPool<byte>.Shared.Rent(textLength));
        var text = new AsciiWriter(buffer);
        WriteList(ref text, list);
        if (!suffix.IsEmpty)
        {
            text.Write((byte)'_');
            WriteList(ref text, suffix);
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text.Text, digest);
        for (var i = 0; i < HashHexLength / 2; i++)
            writer.WriteHexByte(digest[i]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }

    private static void WriteList(ref AsciiWriter text, ReadOnlySpan<ushort> list)
    {
        for (var i = 0; i < list.Length; i++)
        {
            if (i > 0)
                text.Write((byte)',');
            text.WriteHex(list[i]);
        }
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Edge.Watch.Tls;

/// <summary>JA3 (Salesforce): "SSLVersion,Ciphers,Extensions,EllipticCurves,EcPointFormats", decimal,
/// '-' separated, GREASE (RFC 8701) left out — the string tshark 4.0 and Suricata produce.</summary>
public static class Ja3
{
    public const int MaxStringLength = 32768;

    /// <summary>False when <paramref name="destination"/> is too small (a pathological hello can exceed
    /// <see cref="MaxStringLength"/>).</summary>
    public static bool TryFormat(in ClientHello hello, Span<byte> destination, out int written)
    {
        var writer = new AsciiWriter(destination);
        writer.WriteDecimal(hello.HandshakeVersion);
        writer.Write((byte)',');
        WriteUInt16List(ref writer, hello.CipherSuites);
        writer.Write((byte)',');
        var first = true;
        foreach (var extension in hello.EnumerateExtensions())
        {
            if (Grease.IsGrease(extension.Type))
                continue;
            if (!first)
                writer.Write((byte)'-');
            writer.WriteDecimal(extension.Type);
            first = false;
        }
        writer.Write((byte)',');
        // RFC 8422 §5.1.1: NamedCurveList named_curve_list<2..2^16-1>.
        if (hello.TryGetExtension(TlsExtensionType.SupportedGroups, out var groups) && groups.Length >= 2)
            WriteUInt16List(ref writer, ListBody(groups[2..], BinaryPrimitives.ReadUInt16BigEndian(groups)));
        writer.Write((byte)',');
        // RFC 8422 §5.1.2: ECPointFormatList ec_point_format_list<1..2^8-1>.
        if (hello.TryGetExtension(TlsExtensionType.EcPointFormats, out var formats) && formats.Length >= 1)
        {
            var list = ListBody(formats[1..], formats[0]);
            for (var i = 0; i < list.Length; i++)
            {
                if (i > 0)
                    writer.Write((byte)'-');
                writer.WriteDecimal(list[i]);
            }
        }
        written = writer.Overflowed ? 0 : writer.Written;
        return !writer.Overflowed;
    }

    /// <summary>Lowercase hex MD5 of a JA3 string into 32 bytes.</summary>
    public static void HashHex(ReadOnlySpan<byte> ja3String, Span<byte> destination32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination32.Length, 32, nameof(destination32));
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(ja3String, digest);
        for (var i = 0; i < digest.Length; i++)
        {
            destination32[2 * i] = AsciiWriter.HexDigit(digest[i] >> 4);
            destination32[(2 * i) + 1] = AsciiWriter.HexDigit(digest[i] & 0xF);
        }
    }

    private static ReadOnlySpan<byte> ListBody(ReadOnlySpan<byte> rest, int declaredLength) =>
        rest[..Math.Min(rest.Length, declaredLength)];

    private static void WriteUInt16List(ref AsciiWriter writer, ReadOnlySpan<byte> list)
    {
        var first = true;
        for (var i = 0; i + 1 < list.Length; i += 2)
        {
            var value = BinaryPrimitives.ReadUInt16BigEndian(list[i..]);
            if (Grease.IsGrease(value))
                continue;
            if (!first)
                writer.Write((byte)'-');
            writer.WriteDecimal(value);
            first = false;
        }
    }
}

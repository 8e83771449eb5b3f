using System.Buffers.Binary;

namespace Edge.Watch.Tls;

/// <summary>FoxIO JA4 TLS client fingerprint, "a_b_c" (technical_details/JA4.md).</summary>
public static class Ja4
{
    public const int Length = 36;

    /// <param name="transport">'t' for TLS over TCP, 'q' for QUIC ('d' for DTLS).</param>
    public static bool TryFormat(in ClientHello hello, byte transport, Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.Length < Length)
            return false;
        var writer = new AsciiWriter(destination);
        writer.Write(transport);
        WriteVersion(ref writer, Version(hello));
        writer.Write(hello.HasServerName ? (byte)'d' : (byte)'i');
        writer.WriteDecimal2(CountCiphers(hello.CipherSuites));
        writer.WriteDecimal2(CountExtensions(hello));
        WriteAlpn(ref writer, hello);
        writer.Write((byte)'_');
        Ja4Hashes.WriteCipherHash(ref writer, hello.CipherSuites);
        writer.Write((byte)'_');
        Ja4Hashes.WriteExtensionHash(ref writer, hello);
        written = writer.Written;
        return !writer.Overflowed;
    }

    private static ushort Version(in ClientHello hello)
    {
        ushort highest = 0;
        foreach (var version in hello.SupportedVersions)
        {
            if (!Grease.IsGrease(version) && version > highest)
                highest = version;
        }
        return highest != 0 ? highest : hello.HandshakeVersion;
    }

    private static void WriteVersion(ref AsciiWriter writer, ushort version)
    {
        var (first, second) = version switch
        {
            0x0304 => ('1', '3'),
            0x0303 => ('1', '2'),
            0x0302 => ('1', '1'),
            0x0301 => ('1', '0'),
            0x0300 => ('s', '3'),
            0x0002 => ('s', '2'),
            0xFEFF => ('d', '1'),
            0xFEFD => ('d', '2'),
            0xFEFC => ('d', '3'),
            _ => ('0', '0'),
        };
        writer.Write((byte)first);
        writer.Write((byte)second);
    }

    private static int CountCiphers(ReadOnlySpan<byte> ciphers)
    {
        var count = 0;
        for (var i = 0; i + 1 < ciphers.Length; i += 2)
        {
            if (!Grease.IsGrease(BinaryPrimitives.ReadUInt16BigEndian(ciphers[i..])))
                count++;
        }
        return count;
    }

    private static int CountExtensions(in ClientHello hello)
    {
        var count = 0;
        foreach (var extension in hello.EnumerateExtensions())
        {
            if (!Grease.IsGrease(extension.Type))
                count++;
        }
        return count;
    }

    // First and last character of the first ALPN value; when either is not alphanumeric, the first
    // and last hex digit of that value instead; "00" without ALPN.
    private static void WriteAlpn(ref AsciiWriter writer, in ClientHello hello)
    {
        var alpn = hello.Alpn;
        if (!alpn.MoveNext())
        {
            writer.Write((byte)'0');
            writer.Write((byte)'0');
            return;
        }
        var name = alpn.Current;
        byte first = name[0], last = name[^1];
        if (char.IsAsciiLetterOrDigit((char)first) && char.IsAsciiLetterOrDigit((char)last))
        {
            writer.Write(first);
            writer.Write(last);
            return;
        }
        writer.Write(AsciiWriter.HexDigit(first >> 4));
        writer.Write(AsciiWriter.HexDigit(last & 0xF));
    }
}

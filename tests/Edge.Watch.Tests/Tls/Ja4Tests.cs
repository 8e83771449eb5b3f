using System.Security.Cryptography;
using System.Text;
using Edge.Watch.Decoding;
using Edge.Watch.Tls;
using Xunit;

namespace Edge.Watch.Tests.Tls;

public sealed class Ja4Tests
{
    // FoxIO JA4 technical_details/JA4.md (v0.18.2), "Cipher hash", "Extension hash" and "Example":
    // ciphers 1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035; extensions
    // 001b,0000,0033,0010,4469,0017,002d,000d,0005,0023,0012,002b,ff01,000b,000a,0015; signature
    // algorithms 0403,0804,0401,0503,0805,0501,0806,0601; ALPN h2 -> JA4 = t13d1516h2_8daaf6152771_e5627efa2ab1.
    private static ClientHelloBuilder FoxIoExample(bool withSignatureAlgorithms = true)
    {
        var b = new ClientHelloBuilder();
        b.Ciphers.AddRange([0x4A4A, 0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035]);
        b.Extension(0x2A2A, [])
            .Extension(0x001B, [0x02, 0x00, 0x02])
            .Extension(0x0000, ClientHelloBuilder.Sni("example.com"))
            .Extension(0x0033, [0x00, 0x00])
            .Extension(0x0010, ClientHelloBuilder.Alpn("h2", "http/1.1"))
            .Extension(0x4469, [0x00, 0x03, 0x02, 0x68, 0x32])
            .Extension(0x0017, [])
            .Extension(0x002D, [0x01, 0x01])
            .Extension(0x000D, withSignatureAlgorithms ? ClientHelloBuilder.U16List(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601) : ClientHelloBuilder.U16List())
            .Extension(0x0005, [0x01, 0x00, 0x00, 0x00, 0x00])
            .Extension(0x0023, [])
            .Extension(0x0012, [])
            .Extension(0x002B, ClientHelloBuilder.SupportedVersions(0x8A8A, 0x0304, 0x0303))
            .Extension(0xFF01, [0x00])
            .Extension(0x000B, ClientHelloBuilder.PointFormats(0))
            .Extension(0x000A, ClientHelloBuilder.U16List(0x9A9A, 0x001D, 0x0017, 0x0018))
            .Extension(0x0015, new byte[20])
            .Extension(0xBABA, [0x00]);
        return b;
    }

    [Fact]
    public void FoxIo_published_example_with_grease_added()
    {
        Assert.Equal("t13d1516h2_8daaf6152771_e5627efa2ab1", Format(FoxIoExample().Records(), (byte)'t'));
    }

    [Fact]
    public void FoxIo_example_without_signature_algorithms_hashes_without_underscore()
    {
        // Same document: "0005,000a,…,4469,ff01 = 6d807ffa2a79".
        Assert.Equal("t13d1516h2_8daaf6152771_6d807ffa2a79", Format(FoxIoExample(false).Records(), (byte)'t'));
    }

    [Fact]
    public void Hand_built_tls12_hello_without_sni_or_alpn_over_quic()
    {
        var b = new ClientHelloBuilder();
        b.Ciphers.AddRange([0xC02F, 0x0A0A, 0x1301, 0x009C]);
        b.Extension(0x000B, ClientHelloBuilder.PointFormats(0))
            .Extension(0x000A, ClientHelloBuilder.U16List(0x001D))
            .Extension(0x000D, ClientHelloBuilder.U16List(0x0804, 0x0403));
        var expected = "q12i0303" + "00" + "_" + Sha12("009c,1301,c02f") + "_" + Sha12("000a,000b,000d_0804,0403");
        Assert.Equal(expected, Format(b.Records(), (byte)'q'));
    }

    [Fact]
    public void Hello_without_extensions_has_zero_extension_hash()
    {
        var b = new ClientHelloBuilder { Version = 0x0302, WithExtensions = false };
        b.Ciphers.Add(0x002F);
        Assert.Equal("t11i0100" + "00_" + Sha12("002f") + "_000000000000", Format(b.Records(), (byte)'t'));
    }

    [Fact]
    public void Alpn_with_non_alphanumeric_ends_uses_hex_digits()
    {
        var b = new ClientHelloBuilder();
        b.Ciphers.Add(0x1301);
        b.Extension(0x0010, [0x00, 0x03, 0x02, 0xAB, 0xCD]);
        Assert.StartsWith("t12i0101ad_", Format(b.Records(), (byte)'t'), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_are_capped_at_99()
    {
        var b = new ClientHelloBuilder();
        for (ushort i = 1; i <= 150; i++)
            b.Ciphers.Add(i);
        Assert.StartsWith("t12i9900", Format(b.Records(), (byte)'t'), StringComparison.Ordinal);
    }

    [Fact]
    public void Too_small_destination_returns_false()
    {
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        Assert.Equal(ParseStatus.Done, ClientHelloReader.TryParse(FoxIoExample().Records(), scratch, out var hello, out _));
        Assert.False(Ja4.TryFormat(hello, (byte)'t', new byte[Ja4.Length - 1], out _));
    }

    internal static string Format(byte[] records, byte transport)
    {
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        Assert.Equal(ParseStatus.Done, ClientHelloReader.TryParse(records, scratch, out var hello, out var error));
        Assert.Equal(TlsError.None, error);
        var destination = new byte[Ja4.Length];
        Assert.True(Ja4.TryFormat(hello, transport, destination, out var written));
        return Encoding.ASCII.GetString(destination, 0, written);
    }

    private static string Sha12(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)))[..12];
}

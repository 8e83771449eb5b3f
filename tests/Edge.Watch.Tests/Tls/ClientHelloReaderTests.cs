using System.Text;
using Edge.Watch.Decoding;
using Edge.Watch.Tls;
using Xunit;

namespace Edge.Watch.Tests.Tls;

public sealed class ClientHelloReaderTests
{
    private static ClientHelloBuilder Sample()
    {
        var b = new ClientHelloBuilder();
        b.Ciphers.AddRange([0x1A1A, 0x1301, 0xC02F, 0x00FF]);
        b.Extension(0xDADA, [])
            .Extension(0x0000, ClientHelloBuilder.Sni("login.example.org"))
            .Extension(0x000A, ClientHelloBuilder.U16List(0x3A3A, 0x001D, 0x0017))
            .Extension(0x000B, ClientHelloBuilder.PointFormats(0, 1, 2))
            .Extension(0x0010, ClientHelloBuilder.Alpn("h2", "http/1.1"))
            .Extension(0x002B, ClientHelloBuilder.SupportedVersions(0x7A7A, 0x0304, 0x0303))
            .Extension(0x000D, ClientHelloBuilder.U16List(0x0403, 0x0804));
        return b;
    }

    private static (ParseStatus Status, TlsError Error) Parse(byte[] stream)
    {
        var status = ClientHelloReader.TryParse(stream, new byte[ClientHelloReader.MaxHandshakeLength], out _, out var error);
        return (status, error);
    }

    [Fact]
    public void Reads_fields_and_leaves_grease_to_the_caller()
    {
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        Assert.Equal(ParseStatus.Done, ClientHelloReader.TryParse(Sample().Records(), scratch, out var hello, out _));
        Assert.Equal(0x0301, hello.RecordVersion);
        Assert.Equal(0x0303, hello.HandshakeVersion);
        Assert.Equal(32, hello.Random.Length);
        Assert.Equal(32, hello.SessionId.Length);
        Assert.Equal(8, hello.CipherSuites.Length);
        Assert.True(hello.TryGetServerName(out var host));
        Assert.Equal("login.example.org", Encoding.ASCII.GetString(host));
        var alpn = new List<string>();
        foreach (var name in hello.Alpn)
            alpn.Add(Encoding.ASCII.GetString(name));
        Assert.Equal(["h2", "http/1.1"], alpn);
        var versions = new List<ushort>();
        foreach (var v in hello.SupportedVersions)
            versions.Add(v);
        Assert.Equal([0x7A7A, 0x0304, 0x0303], versions);
    }

    [Fact]
    public void Ja3_excludes_grease_everywhere()
    {
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        Assert.Equal(ParseStatus.Done, ClientHelloReader.TryParse(Sample().Records(), scratch, out var hello, out _));
        var text = new byte[Ja3.MaxStringLength];
        Assert.True(Ja3.TryFormat(hello, text, out var written));
        Assert.Equal("771,4865-49199-255,0-10-11-16-43-13,29-23,0-1-2", Encoding.ASCII.GetString(text, 0, written));
        var md5 = new byte[32];
        Ja3.HashHex(text.AsSpan(0, written), md5);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(text.AsSpan(0, written))), Encoding.ASCII.GetString(md5));
    }

    [Fact]
    public void Ja3_reports_a_too_small_destination()
    {
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        Assert.Equal(ParseStatus.Done, ClientHelloReader.TryParse(Sample().Records(), scratch, out var hello, out _));
        Assert.False(Ja3.TryFormat(hello, new byte[10], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Grease_values_are_the_sixteen_of_rfc_8701()
    {
        var count = 0;
        for (var v = 0; v <= 0xFFFF; v++)
        {
            if (Grease.IsGrease((ushort)v))
            {
                count++;
                Assert.Equal(0x0A, v & 0x0F);
                Assert.Equal(v >> 8, v & 0xFF);
            }
        }
        Assert.Equal(16, count);
        Assert.False(Grease.IsGrease(0x0A1A));
    }

    [Fact]
    public void No_server_name_means_no_host()
    {
        var b = new ClientHelloBuilder();
        b.Ciphers.Add(0x1301);
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        Assert.Equal(ParseStatus.Done, ClientHelloReader.TryParse(b.Records(), scratch, out var hello, out _));
        Assert.False(hello.TryGetServerName(out _));
        Assert.False(hello.HasServerName);
        Assert.False(hello.Alpn.MoveNext());
    }

    [Theory]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 3 })]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 40, 1, 50 })]
    [InlineData(new[] { 2, 2, 2, 2, 100 })]
    public void Handshake_spanning_records_is_stitched(int[] fragments)
    {
        var b = Sample();
        var stitched = b.Records(fragments);
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        Assert.Equal(ParseStatus.Done, ClientHelloReader.TryParse(stitched, scratch, out var hello, out _));
        Assert.True(hello.TryGetServerName(out var host));
        Assert.Equal("login.example.org", Encoding.ASCII.GetString(host));
        Assert.Equal(Ja4Tests.Format(b.Records(), (byte)'t'), Ja4Tests.Format(stitched, (byte)'t'));
    }

    [Fact]
    public void Large_hello_over_two_full_records_is_stitched()
    {
        var b = Sample().Extension(0x0015, new byte[17000]);
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        Assert.Equal(ParseStatus.Done, ClientHelloReader.TryParse(b.Records(16384), scratch, out var hello, out _));
        Assert.True(hello.TryGetServerName(out _));
    }

    [Fact]
    public void Every_prefix_needs_more()
    {
        foreach (var stream in new[] { Sample().Records(), Sample().Records(1), Sample().Records(30, 7, 60) })
        {
            for (var length = 0; length < stream.Length; length++)
                Assert.Equal((ParseStatus.NeedMore, TlsError.None), Parse(stream[..length]));
            Assert.Equal(ParseStatus.Done, Parse(stream).Status);
        }
    }

    [Fact]
    public void Bytes_after_the_hello_are_ignored()
    {
        byte[] stream = [.. Sample().Records(), 0x14, 0x03, 0x03, 0x00, 0x01, 0x01];
        Assert.Equal(ParseStatus.Done, Parse(stream).Status);
    }

    [Fact]
    public void Looks_like_handshake_needs_three_bytes()
    {
        Assert.False(ClientHelloReader.LooksLikeHandshake([0x16, 0x03]));
        Assert.True(ClientHelloReader.LooksLikeHandshake([0x16, 0x03, 0x01]));
        Assert.True(ClientHelloReader.LooksLikeHandshake([0x16, 0x03, 0x04]));
        Assert.False(ClientHelloReader.LooksLikeHandshake([0x16, 0x03, 0x05]));
        Assert.False(ClientHelloReader.LooksLikeHandshake("GET"u8));
    }

    [Fact]
    public void Scratch_smaller_than_the_maximum_is_a_caller_bug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClientHelloReader.TryParse(Sample().Records(), new byte[100], out _, out _));
    }

    [Fact]
    public void Not_tls_is_not_this_protocol()
    {
        Assert.Equal((ParseStatus.NotThisProtocol, TlsError.NotHandshake), Parse("GET / HTTP/1.1\r\n"u8.ToArray()));
        Assert.Equal((ParseStatus.NotThisProtocol, TlsError.NotHandshake), Parse([0x16, 0x02]));
    }

    [Fact]
    public void Malformed_records_and_messages_give_their_reason()
    {
        Assert.Equal((ParseStatus.Malformed, TlsError.RecordTooLong), Parse([0x16, 0x03, 0x01, 0x40, 0x01]));
        Assert.Equal((ParseStatus.Malformed, TlsError.NotClientHello), Parse(ClientHelloBuilder.Records(ClientHelloBuilder.Message(2, new byte[40]), 0x0303)));
        Assert.Equal((ParseStatus.Malformed, TlsError.NotClientHello), Parse([0x16, 0x03, 0x01, 0x00, 0x01, 0x02]));
        Assert.Equal((ParseStatus.Malformed, TlsError.HandshakeTooLong), Parse([0x16, 0x03, 0x01, 0x00, 0x04, 0x01, 0x00, 0x48, 0x00]));
        Assert.Equal((ParseStatus.Malformed, TlsError.Truncated), Parse(ClientHelloBuilder.Records(ClientHelloBuilder.Message(1, new byte[20]), 0x0301)));
        var stitched = Sample().Records(10);
        stitched[15] = 0x17; // the second record is application data
        Assert.Equal((ParseStatus.Malformed, TlsError.NotHandshake), Parse(stitched));
    }

    [Fact]
    public void Malformed_fields_give_their_reason()
    {
        Assert.Equal(TlsError.BadSessionId, ParseBuilt(b => b.SessionId = new byte[33]));
        Assert.Equal(TlsError.BadCipherSuites, ParseBuilt(b => b.Ciphers.Clear()));
        Assert.Equal(TlsError.BadCompression, ParseBuilt(b => b.Compression = []));
        Assert.Equal(TlsError.BadServerName, ParseBuilt(b => b.Extension(0x0000, [0x00, 0x05, 0x00, 0x00, 0x09, 0x61, 0x62])));
        Assert.Equal(TlsError.BadServerName, ParseBuilt(b => b.Extension(0x0000, [])));
        Assert.Equal(TlsError.BadAlpn, ParseBuilt(b => b.Extension(0x0010, [0x00, 0x02, 0x00, 0x00])));
        Assert.Equal(TlsError.BadSupportedVersions, ParseBuilt(b => b.Extension(0x002B, [0x03, 0x03, 0x04, 0x03])));
        Assert.Equal(TlsError.BadExtensions, ParseBuilt(b => b.Extension(0x0017, new byte[4]), body => [.. body, 0x00]));
        Assert.Equal(TlsError.BadExtensions, ParseBuilt(b => { }, body => [.. body, 0x00]));
    }

    private static TlsError ParseBuilt(Action<ClientHelloBuilder> change, Func<byte[], byte[]>? edit = null)
    {
        var b = new ClientHelloBuilder();
        b.Ciphers.Add(0x1301);
        change(b);
        var body = b.Body();
        if (edit is not null)
            body = edit(body);
        var (status, error) = Parse(ClientHelloBuilder.Records(ClientHelloBuilder.Message(1, body), 0x0301));
        Assert.Equal(ParseStatus.Malformed, status);
        return error;
    }
}

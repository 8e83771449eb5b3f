using Edge.Uplink.Commands.Signing;

namespace Edge.Uplink.Tests.Commands.Signing;

public class Ed25519KeyTextTests
{
    // RFC 8032 TEST 1's keys as OpenSSL 3 reads and writes them (openssl pkey -pubout).
    private const string PrivatePem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n-----END PRIVATE KEY-----";
    private const string PublicPem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----";
    private const string PrivateHex = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private const string PublicHex = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    [Fact]
    public void Reads_openssl_pem_keys()
    {
        Assert.True(Ed25519KeyText.TryParsePublicKey(PublicPem, out var publicKey));
        Assert.Equal(PublicHex, Convert.ToHexStringLower(publicKey));
        Assert.True(Ed25519KeyText.TryParsePrivateKey(PrivatePem + "\n", out var privateKey));
        Assert.Equal(PrivateHex, Convert.ToHexStringLower(privateKey));
    }

    [Fact]
    public void Writes_what_openssl_writes()
    {
        Assert.Equal(PublicPem, Ed25519KeyText.FormatPublicKeyPem(Convert.FromHexString(PublicHex)));
        Assert.Equal(PrivatePem, Ed25519KeyText.FormatPrivateKeyPem(Convert.FromHexString(PrivateHex)));
    }

    [Fact]
    public void Reads_raw_base64_keys()
    {
        Assert.True(Ed25519KeyText.TryParsePublicKey(" " + Convert.ToBase64String(Convert.FromHexString(PublicHex)) + "\n", out var key));
        Assert.Equal(PublicHex, Convert.ToHexStringLower(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData(PrivatePem)]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----")]
    // Ed448's OID (1.3.101.113) in place of Ed25519's (1.3.101.112).
    [InlineData("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VxAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----")]
    public void Refuses_what_is_not_an_ed25519_public_key(string text)
    {
        Assert.False(Ed25519KeyText.TryParsePublicKey(text, out _));
        Assert.Throws<ArgumentException>(() => new TrustedKeys().Add("k", text));
    }

    [Fact]
    public void Trusted_keys_are_found_by_id()
    {
        var keys = new TrustedKeys().Add("team-2025", PublicPem).Add("team-2026", Convert.FromHexString(PublicHex));
        Assert.True(keys.TryGet("team-2025", out var key));
        Assert.Equal(PublicHex, Convert.ToHexStringLower(key.Span));
        Assert.False(keys.TryGet("team-2027", out _));
        Assert.Throws<ArgumentException>(() => keys.Add("bad id", PublicPem));
        Assert.Throws<ArgumentException>(() => keys.Add("team\n", PublicPem));
    }
}

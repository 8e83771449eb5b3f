using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Firmware.Provisioning;
using Edge.Uplink.Commands.Signing;

namespace Edge.Firmware.Tests.TestSupport;

/// <summary>A province CA, a sensor's client certificate from it, technician and incident-team keys,
/// and helpers to build, hand-edit (re-signed) and read provisioning sets in memory.</summary>
internal static class TestProvisioning
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public const string Agency = "town-a";
    public const string Sensor = "gw-1";
    public const string Broker = "mqtts://broker.example:8883";
    public const string Username = "town-a.gw-1";
    public const string Password = "correct-horse-battery-staple-7f3a9c";

    public const string KeyId = "tech-1";
    public static readonly byte[] PrivateKey = SHA256.HashData("edge test technician key"u8);
    public const string OtherKeyId = "tech-2";
    public static readonly byte[] OtherPrivateKey = SHA256.HashData("another technician's key"u8);
    public const string CommandKeyId = "ir-1";
    public static readonly byte[] CommandPrivateKey = SHA256.HashData("edge test incident team key"u8);

    /// <summary>An ECDSA P-256 CA valid three years either side of <see cref="Now"/>, with its key.</summary>
    public static readonly X509Certificate2 Authority = CreateAuthority(Now.AddYears(-3), Now.AddYears(3));

    public static readonly IssuedCertificate Client = SensorCertificateIssuer.Issue(Authority, Agency, Sensor, Now, TimeSpan.FromDays(365));

    public static string AuthorityPem => Authority.ExportCertificatePem();

    public static string PublicKeyText(byte[] privateKey) => Convert.ToBase64String(Ed25519Signatures.PublicKeyOf(privateKey));

    public static X509Certificate2 CreateAuthority(DateTimeOffset notBefore, DateTimeOffset notAfter, bool rsa = false, bool certificateAuthority = true)
    {
        using var ec = rsa ? null : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rsaKey = rsa ? RSA.Create(2048) : null;
        var name = new X500DistinguishedName(rsa ? "CN=Test Province RSA CA" : "CN=Test Province CA");
        var request = ec is not null
            ? new CertificateRequest(name, ec, HashAlgorithmName.SHA256)
            : new CertificateRequest(name, rsaKey!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            certificateAuthority ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    /// <summary>Everything a set can carry: broker CA, client certificate and key, an account,
    /// a bundle key, a command key and one further setting.</summary>
    public static ProvisioningSet Set(IssuedCertificate? client = null) => new()
    {
        Agency = Agency,
        Sensor = Sensor,
        Created = "2026-11-25T11:59:00Z",
        Broker = Broker,
        BrokerCa = AuthorityPem,
        ClientCertificate = (client ?? Client).CertificatePem,
        ClientKey = (client ?? Client).KeyPem,
        Username = Username,
        Password = Password,
        BundleKeys = new() { [KeyId] = PublicKeyText(PrivateKey) },
        CommandKeys = new() { [CommandKeyId] = PublicKeyText(CommandPrivateKey) },
        Settings = new() { ["Capture:Interface"] = "eth0" },
    };

    public static byte[] Write(ProvisioningSet? set = null, string keyId = KeyId, byte[]? key = null) =>
        ProvisioningWriter.Write(set ?? Set(), keyId, key ?? PrivateKey);

    public static byte[] Body(ProvisioningSet? set = null) =>
        JsonSerializer.SerializeToUtf8Bytes(set ?? Set(), ProvisioningJsonContext.Default.ProvisioningSet);

    /// <summary>The set as an editable JSON object (snake_case, as on disk).</summary>
    public static JsonObject BodyJson(ProvisioningSet? set = null) => JsonNode.Parse(Body(set))!.AsObject();

    /// <summary>A correctly signed file around any body bytes, so a rule is tested on its own.</summary>
    public static byte[] Assemble(byte[] body, string keyId = KeyId, byte[]? key = null)
    {
        var envelope = new ProvisioningEnvelope
        {
            Schema = ProvisioningFormat.Schema,
            KeyId = keyId,
            Body = body,
            Signature = Ed25519Signatures.Sign(key ?? PrivateKey, ProvisioningFormat.SignedMessage(body)),
        };
        return JsonSerializer.SerializeToUtf8Bytes(envelope, ProvisioningJsonContext.Default.ProvisioningEnvelope);
    }

    public static byte[] Assemble(JsonObject body, string keyId = KeyId, byte[]? key = null) =>
        Assemble(Encoding.UTF8.GetBytes(body.ToJsonString()), keyId, key);

    public static TrustedKeys Trust(string keyId = KeyId, byte[]? key = null) =>
        new TrustedKeys().Add(keyId, Ed25519Signatures.PublicKeyOf(key ?? PrivateKey));

    /// <summary>The password and the base64 lines of the client keys: none may appear in a refusal.</summary>
    public static IEnumerable<string> Secrets(params IssuedCertificate[] clients) =>
        [Password, .. (clients.Length == 0 ? [Client] : clients).SelectMany(c => KeyLines(c.KeyPem))];

    /// <summary>The secrets of a set as parsed (a mutated one has its own).</summary>
    public static IEnumerable<string> SecretsOf(ProvisioningSet set) =>
        [.. set.Password is { Length: >= 8 } password ? [password] : Array.Empty<string>(), .. KeyLines(set.ClientKey ?? "")];

    private static IEnumerable<string> KeyLines(string pem) =>
        pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Length >= 8 && !line.StartsWith("-----", StringComparison.Ordinal));

    public static void AssertQuotesNoSecret(string text, params IssuedCertificate[] clients)
    {
        AssertQuotesNone(text, Secrets(clients));
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
    }

    public static void AssertQuotesNone(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{text}' quotes a secret line");
    }
}

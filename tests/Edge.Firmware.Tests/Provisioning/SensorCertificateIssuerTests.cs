using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Edge.Firmware.Provisioning;
using static Edge.Firmware.Tests.TestSupport.TestProvisioning;

namespace Edge.Firmware.Tests.Provisioning;

public sealed class SensorCertificateIssuerTests
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    private static X509Certificate2 Load(IssuedCertificate issued) => X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);

    private static void AssertChainsTo(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificate(authority.RawData));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthentication));
        var built = chain.Build(certificate);
        Assert.True(built, string.Join("; ", chain.ChainStatus.Select(s => $"{s.Status}: {s.StatusInformation}")));
        Assert.Equal(2, chain.ChainElements.Count);
        Assert.Equal(authority.Thumbprint, chain.ChainElements[1].Certificate.Thumbprint);
    }

    [Fact]
    public void The_certificate_chains_to_the_authority_for_client_authentication()
    {
        using var certificate = Load(Client);
        AssertChainsTo(certificate, Authority);
    }

    [Fact]
    public void The_certificate_does_not_chain_to_another_authority()
    {
        using var other = CreateAuthority(Now.AddYears(-1), Now.AddYears(1));
        using var certificate = Load(Client);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificate(other.RawData));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.UtcDateTime;
        Assert.False(chain.Build(certificate));
    }

    [Fact]
    public void The_subject_names_the_broker_account_and_the_agency()
    {
        using var certificate = Load(Client);
        Assert.Equal("town-a.gw-1", certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        var parts = certificate.SubjectName.EnumerateRelativeDistinguishedNames().Select(r => (r.GetSingleElementType().Value, r.GetSingleElementValue())).ToArray();
        Assert.Contains(("2.5.4.10", "Edge"), parts);
        Assert.Contains(("2.5.4.11", Agency), parts);
        Assert.Contains(("2.5.4.3", "town-a.gw-1"), parts);
        Assert.Equal(Authority.SubjectName.RawData, certificate.IssuerName.RawData);
    }

    [Fact]
    public void The_san_is_the_sensor_uri()
    {
        using var certificate = Load(Client);
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        // GeneralName uniformResourceIdentifier is [6] IA5String (RFC 5280 §4.2.1.6).
        var reader = new AsnReader(san.RawData, AsnEncodingRules.DER).ReadSequence();
        var uris = new List<string>();
        while (reader.HasData)
            uris.Add(reader.ReadCharacterString(UniversalTagNumber.IA5String, new Asn1Tag(TagClass.ContextSpecific, 6)));
        Assert.Equal(["urn:edge:sensor:town-a:gw-1"], uris);
        Assert.Empty(san.EnumerateDnsNames());
    }

    [Fact]
    public void It_is_for_client_authentication_only_and_not_a_ca()
    {
        using var certificate = Load(Client);
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Equal([ClientAuthentication], usages);
        var constraints = certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.False(constraints.CertificateAuthority);
        Assert.True(constraints.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.NotNull(certificate.GetECDsaPublicKey());
        Assert.Equal(256, certificate.GetECDsaPublicKey()!.KeySize);
    }

    [Fact]
    public void The_key_is_the_certificates_and_the_record_prints_no_key()
    {
        using var certificate = Load(Client);
        Assert.True(certificate.HasPrivateKey);
        Assert.Contains("-----BEGIN PRIVATE KEY-----", Client.KeyPem, StringComparison.Ordinal);
        Assert.Equal(certificate.GetCertHashString(HashAlgorithmName.SHA256), Client.Sha256);
        Assert.DoesNotContain("PRIVATE", Client.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Client.KeyPem.Split('\n')[1], Client.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_certificate_has_its_own_key_and_a_positive_serial()
    {
        var second = SensorCertificateIssuer.Issue(Authority, Agency, Sensor, Now, TimeSpan.FromDays(365));
        Assert.NotEqual(Client.KeyPem, second.KeyPem);
        using var first = Load(Client);
        using var other = Load(second);
        Assert.NotEqual(first.SerialNumberBytes.ToArray(), other.SerialNumberBytes.ToArray());
        // SerialNumberBytes is big-endian: the first byte's top bit clear is a positive INTEGER.
        Assert.True(first.SerialNumberBytes.Span[0] < 0x80);
    }

    [Fact]
    public void The_validity_starts_just_before_now_and_runs_as_asked()
    {
        var issued = SensorCertificateIssuer.Issue(Authority, Agency, Sensor, Now, TimeSpan.FromDays(30));
        Assert.Equal(Now.UtcDateTime.AddMinutes(-10), issued.NotBefore);
        Assert.Equal(Now.UtcDateTime.AddDays(30), issued.NotAfter);
    }

    [Fact]
    public void The_validity_is_capped_at_the_authoritys_end()
    {
        var end = Now.AddDays(90);
        using var shortLived = CreateAuthority(Now.AddYears(-1), end);
        var issued = SensorCertificateIssuer.Issue(shortLived, Agency, Sensor, Now, SensorCertificateIssuer.DefaultValidity);
        Assert.Equal(end.UtcDateTime, issued.NotAfter);
        using var certificate = Load(issued);
        Assert.True(certificate.NotAfter.ToUniversalTime() <= shortLived.NotAfter.ToUniversalTime());
        AssertChainsTo(certificate, shortLived);
    }

    [Fact]
    public void An_rsa_authority_issues_a_p256_certificate_that_chains_to_it()
    {
        using var rsa = CreateAuthority(Now.AddYears(-1), Now.AddYears(5), rsa: true);
        var issued = SensorCertificateIssuer.Issue(rsa, Agency, Sensor, Now, TimeSpan.FromDays(365));
        using var certificate = Load(issued);
        Assert.Equal("1.2.840.113549.1.1.11", certificate.SignatureAlgorithm.Value); // sha256WithRSAEncryption
        Assert.NotNull(certificate.GetECDsaPublicKey());
        AssertChainsTo(certificate, rsa);
    }

    [Fact]
    public void A_certificate_that_is_not_a_ca_is_refused()
    {
        using var leaf = CreateAuthority(Now.AddYears(-1), Now.AddYears(1), certificateAuthority: false);
        var error = Assert.Throws<ArgumentException>(() => SensorCertificateIssuer.Issue(leaf, Agency, Sensor, Now, TimeSpan.FromDays(30)));
        Assert.Equal("authority", error.ParamName);
        Assert.Contains("not a CA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_authority_is_refused()
    {
        using var expired = CreateAuthority(Now.AddYears(-3), Now.AddDays(-1));
        var error = Assert.Throws<ArgumentException>(() => SensorCertificateIssuer.Issue(expired, Agency, Sensor, Now, TimeSpan.FromDays(30)));
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_authority_without_its_private_key_is_refused()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(Authority.RawData);
        Assert.False(publicOnly.HasPrivateKey);
        var error = Assert.Throws<ArgumentException>(() => SensorCertificateIssuer.Issue(publicOnly, Agency, Sensor, Now, TimeSpan.FromDays(30)));
        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
    }
}

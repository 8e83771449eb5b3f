using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Firmware.Provisioning;

/// <summary>Makes a sensor's client certificate, signed by the province's CA: a fresh P-256 key, CN
/// <c>AGENCY.SENSOR</c> (the broker account name, so <c>use_identity_as_username</c> puts the sensor
/// under its own ACL), client authentication only, never outliving the CA.</summary>
public static class SensorCertificateIssuer
{
    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(825);

    /// <summary>A little slack for a sensor whose clock is behind the laptop's.</summary>
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(10);

    /// <exception cref="ArgumentException">The CA cannot sign certificates (no private key, not a CA, expired).</exception>
    public static IssuedCertificate Issue(X509Certificate2 authority, string agency, string sensor, DateTimeOffset now, TimeSpan validity)
    {
        var generator = SignerOf(authority);
        if (authority.Extensions[Oids.BasicConstraints] is not X509BasicConstraintsExtension { CertificateAuthority: true })
            throw new ArgumentException($"'{authority.Subject}' is not a CA certificate (no basicConstraints CA:TRUE)", nameof(authority));
        var notAfter = now + validity;
        var authorityEnd = new DateTimeOffset(authority.NotAfter.ToUniversalTime());
        if (authorityEnd <= now)
            throw new ArgumentException($"the CA '{authority.Subject}' expired at {authorityEnd:u}", nameof(authority));
        if (notAfter > authorityEnd)
            notAfter = authorityEnd;

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("Edge");
        subject.AddOrganizationalUnitName(agency);
        subject.AddCommonName(ProvisioningRules.AccountName(agency, sensor));
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(Oids.ClientAuthentication)], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddUri(new Uri($"urn:edge:sensor:{agency}:{sensor}"));
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // A CA without a subject key identifier (some old ones) is named by issuer and serial instead.
        var withKeyId = authority.Extensions[Oids.SubjectKeyIdentifier] is not null;
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, withKeyId, !withKeyId));

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive INTEGER
        using var certificate = request.Create(authority.SubjectName, generator, now - Backdate, notAfter, serial);
        return new IssuedCertificate(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(),
            certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    private static X509SignatureGenerator SignerOf(X509Certificate2 authority)
    {
        if (authority.GetECDsaPrivateKey() is { } ec)
            return X509SignatureGenerator.CreateForECDsa(ec);
        if (authority.GetRSAPrivateKey() is { } rsa)
            return X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1);
        throw new ArgumentException($"no ECDSA or RSA private key for the CA '{authority.Subject}'", nameof(authority));
    }

    private static class Oids
    {
        public const string BasicConstraints = "2.5.29.19";
        public const string SubjectKeyIdentifier = "2.5.29.14";
        public const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    }
}

/// <param name="KeyPem">PKCS#8 PEM of the private key. Secret.</param>
/// <param name="Sha256">The certificate's SHA-256 fingerprint (hex), to compare with the broker's logs.</param>
public sealed record IssuedCertificate(string CertificatePem, string KeyPem, DateTime NotBefore, DateTime NotAfter, string Sha256)
{
    public override string ToString() => $"IssuedCertificate {{ Sha256 = {Sha256}, NotAfter = {NotAfter:u} }}";
}

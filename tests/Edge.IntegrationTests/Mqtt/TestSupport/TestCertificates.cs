using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Edge.IntegrationTests.Mqtt.TestSupport;

/// <summary>A throwaway PKI for the TLS tests, written as PEM files: a CA, a server certificate for
/// 127.0.0.1 and localhost, a client certificate, and an unrelated second CA.</summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("edge-pki-");
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ca = CreateCa("Edge Test CA", caKey);
        CaFile = Write("ca.pem", ca.ExportCertificatePem());
        CaKeyFile = Write("ca.key", caKey.ExportPkcs8PrivateKeyPem());
        (ServerCertificateFile, ServerKeyFile) = Issue(ca, "server", "broker", server: true);
        (ClientCertificateFile, ClientKeyFile) = Issue(ca, "client", "town-a.gw-1", server: false);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = CreateCa("Some Other CA", otherKey);
        OtherCaFile = Write("other-ca.pem", other.ExportCertificatePem());
    }

    public DirectoryInfo Directory { get; }

    public string CaFile { get; }

    /// <summary>The CA's private key, for tests that issue certificates themselves (edgectl provision).</summary>
    public string CaKeyFile { get; }

    public string OtherCaFile { get; }

    public string ServerCertificateFile { get; }

    public string ServerKeyFile { get; }

    public string ClientCertificateFile { get; }

    public string ClientKeyFile { get; }

    /// <summary>The lines of a mosquitto TLS listener with these files.</summary>
    public string ListenerConfig(bool requireClientCertificate) => $"""
        allow_anonymous true
        cafile {CaFile}
        certfile {ServerCertificateFile}
        keyfile {ServerKeyFile}
        require_certificate {(requireClientCertificate ? "true" : "false")}
        """;

    private static X509Certificate2 CreateCa(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private (string Certificate, string Key) Issue(X509Certificate2 ca, string file, string name, bool server)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        using var certificate = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29),
            RandomNumberGenerator.GetBytes(12));
        return (Write($"{file}.pem", certificate.ExportCertificatePem()), Write($"{file}.key", key.ExportPkcs8PrivateKeyPem()));
    }

    private string Write(string name, string pem)
    {
        var path = Path.Combine(Directory.FullName, name);
        File.WriteAllText(path, pem);
        return path;
    }

    public void Dispose() => Directory.Delete(recursive: true);
}

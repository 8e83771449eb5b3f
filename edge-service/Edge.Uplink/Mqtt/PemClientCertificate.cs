using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace Edge.Uplink.Mqtt;

/// <summary>The sensor's client certificate for mutual TLS, read from PEM files at each connect
/// (a renewed certificate is used without a restart).</summary>
public sealed class PemClientCertificate(string certificateFile, string keyFile) : IMqttClientCertificatesProvider
{
    public X509CertificateCollection GetCertificates() =>
        [X509Certificate2.CreateFromPemFile(certificateFile, keyFile)];
}

using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Edge.Uplink.Mqtt;

/// <summary>Checks the broker's certificate during the TLS handshake. With a pinned CA the chain
/// must end at that CA and nothing else is trusted (not the system store); without one the system
/// store decides. The name must match the broker host either way. The reason of the last refusal is
/// kept, so the connect failure can say it in one clear line.</summary>
public sealed class BrokerCertificateCheck
{
    private readonly X509Certificate2Collection? _pinnedCa;
    private readonly string? _caFile;
    private readonly string _host;
    private volatile string? _lastRefusal;

    public BrokerCertificateCheck(string host, string? caFile)
    {
        _host = host;
        _caFile = caFile;
        if (caFile is not null)
        {
            // One CA, or several while a CA is being replaced.
            _pinnedCa = [];
            _pinnedCa.ImportFromPemFile(caFile);
            if (_pinnedCa.Count == 0)
                throw new ArgumentException($"CaFile '{caFile}' holds no PEM certificate", nameof(caFile));
        }
    }

    /// <summary>Why the last handshake refused the broker, or null.</summary>
    public string? LastRefusal => _lastRefusal;

    public void Reset() => _lastRefusal = null;

    public bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null)
            return Refuse("the broker sent no certificate");
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            return Refuse($"the broker's certificate ({certificate.Subject}) is not issued for '{_host}'");
        if (_pinnedCa is null)
        {
            return errors == SslPolicyErrors.None
                || Refuse($"the broker's certificate ({certificate.Subject}) does not chain to a CA of the system store ({errors})");
        }

        using var leaf = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_pinnedCa);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }

        if (chain.Build(leaf) && _pinnedCa.Find(X509FindType.FindByThumbprint, chain.ChainElements[^1].Certificate.Thumbprint, false).Count > 0)
            return true;
        var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        return Refuse($"the broker's certificate does not chain to the pinned CA {_caFile} ({certificate.Subject}: {status})");
    }

    private bool Refuse(string reason)
    {
        _lastRefusal = reason;
        return false;
    }
}

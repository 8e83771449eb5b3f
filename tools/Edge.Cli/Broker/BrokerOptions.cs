using Edge.Uplink.Mqtt;

namespace Edge.Cli.Broker;

/// <summary>How edgectl reaches the central broker: address, credentials, the CA to pin and a client
/// certificate for mutual TLS. The password is read from a file so it never shows in <c>ps</c>.</summary>
public sealed record BrokerOptions(BrokerEndpoint Endpoint)
{
    public string? Username { get; init; }

    public string? Password { get; init; }

    /// <summary>PEM CA(s) the broker's certificate must chain to; null trusts the system store.</summary>
    public string? CaFile { get; init; }

    public string? ClientCertificateFile { get; init; }

    public string? ClientKeyFile { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>What is wrong with the combination, or null.</summary>
    public string? Problem()
    {
        if (Password is not null && string.IsNullOrEmpty(Username))
            return "--password-file needs --username";
        if ((ClientCertificateFile is null) != (ClientKeyFile is null))
            return "--client-cert and --client-key go together";
        if (!Endpoint.UseTls && (CaFile is not null || ClientCertificateFile is not null))
            return $"--ca and --client-cert need an mqtts:// broker, not {Endpoint}";
        return null;
    }
}

namespace Edge.Firmware.Provisioning;

/// <summary>Everything a sensor needs to work the moment it is plugged in: who it is, where its
/// broker is, how it proves itself there, and whose bundles and commands it obeys.
/// <see cref="ClientKey"/> and <see cref="Password"/> are secrets: nothing prints them.</summary>
public sealed class ProvisioningSet
{
    public required string Agency { get; init; }

    public required string Sensor { get; init; }

    /// <summary>When <c>edgectl provision create</c> made it (ISO 8601 UTC).</summary>
    public required string Created { get; init; }

    /// <summary><c>mqtts://host:port</c> (or <c>mqtt://</c> in a lab).</summary>
    public required string Broker { get; init; }

    /// <summary>PEM of the CA (or CAs) the broker's certificate must chain to.</summary>
    public string? BrokerCa { get; init; }

    /// <summary>PEM of the sensor's client certificate, signed by the province's CA.</summary>
    public string? ClientCertificate { get; init; }

    /// <summary>PEM (PKCS#8) of the client certificate's private key. Secret.</summary>
    public string? ClientKey { get; init; }

    public string? Username { get; init; }

    /// <summary>The broker account's password. Secret.</summary>
    public string? Password { get; init; }

    /// <summary>Key id → Ed25519 public key of the technicians whose bundles the sensor installs.</summary>
    public required Dictionary<string, string> BundleKeys { get; init; }

    /// <summary>Key id → Ed25519 public key of the incident team whose commands the sensor obeys.</summary>
    public required Dictionary<string, string> CommandKeys { get; init; }

    /// <summary>Further settings under <c>Edge</c>, by configuration key (<c>Capture:Interface</c> → <c>eth0</c>).</summary>
    public required Dictionary<string, string> Settings { get; init; }
}

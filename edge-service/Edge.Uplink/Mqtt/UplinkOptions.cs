namespace Edge.Uplink.Mqtt;

/// <summary>The <c>Edge:Uplink</c> settings: where the broker is, how the sensor proves who it is,
/// and the timing of the link. Setters are there for the configuration binding generator.</summary>
public sealed record UplinkOptions
{
    /// <summary><c>mqtt://host:port</c> or <c>mqtts://host:port</c>; empty means no broker is
    /// configured (the service then runs the embedded one for development).</summary>
    public string? Broker { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>PEM file of the CA the broker's chain must end at. When set, the system store is
    /// not trusted at all (mqtts only).</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM certificate for mutual TLS, with <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertificateFile { get; set; }

    public string? ClientKeyFile { get; set; }

    /// <summary><c>5</c> (default) or <c>3.1.1</c> for old brokers.</summary>
    public string ProtocolVersion { get; set; } = "5";

    public int KeepAliveSeconds { get; set; } = 30;

    public int HeartbeatSeconds { get; set; } = 60;

    /// <summary>How long the broker keeps the session (subscriptions, queued commands) while the
    /// sensor is away (MQTT 5; 3.1.1 sessions live until the broker forgets them).</summary>
    public uint SessionExpirySeconds { get; set; } = 86_400;

    public double ReconnectMinSeconds { get; set; } = 1;

    public double ReconnectMaxSeconds { get; set; } = 120;

    /// <summary>QoS 1 messages sent and not yet acknowledged (capped by the broker's Receive Maximum).</summary>
    public int MaxInFlight { get; set; } = 64;

    /// <summary>How long one connection attempt (TCP, TLS, CONNECT/CONNACK) may take.</summary>
    public int ConnectTimeoutSeconds { get; set; } = 15;

    public bool HasBroker => !string.IsNullOrWhiteSpace(Broker);

    /// <summary>Throws <see cref="ArgumentException"/> or <see cref="ArgumentOutOfRangeException"/>
    /// naming the first bad field.</summary>
    public void Validate()
    {
        BrokerEndpoint? endpoint = null;
        if (HasBroker && !BrokerEndpoint.TryParse(Broker!, out endpoint, out var error))
            throw new ArgumentException(error, nameof(Broker));
        if (Password is not null && string.IsNullOrEmpty(Username))
            throw new ArgumentException("Password is set without a Username", nameof(Password));
        if ((ClientCertificateFile is null) != (ClientKeyFile is null))
            throw new ArgumentException("ClientCertificateFile and ClientKeyFile go together: set both or neither",
                ClientCertificateFile is null ? nameof(ClientCertificateFile) : nameof(ClientKeyFile));
        if (endpoint is { UseTls: false } && (CaFile is not null || ClientCertificateFile is not null))
            throw new ArgumentException($"CaFile and client certificates need an mqtts:// broker, not '{Broker}'",
                CaFile is not null ? nameof(CaFile) : nameof(ClientCertificateFile));
        RequireFile(CaFile, nameof(CaFile));
        RequireFile(ClientCertificateFile, nameof(ClientCertificateFile));
        RequireFile(ClientKeyFile, nameof(ClientKeyFile));
        if (!MqttVersion.TryParse(ProtocolVersion, out _))
            throw new ArgumentException($"ProtocolVersion '{ProtocolVersion}' must be 5 or 3.1.1", nameof(ProtocolVersion));
        Range(KeepAliveSeconds, 1, ushort.MaxValue, nameof(KeepAliveSeconds));
        Range(HeartbeatSeconds, 1, 86_400, nameof(HeartbeatSeconds));
        Range(MaxInFlight, 1, ushort.MaxValue, nameof(MaxInFlight));
        Range(ConnectTimeoutSeconds, 1, 600, nameof(ConnectTimeoutSeconds));
        if (!(ReconnectMinSeconds > 0) || ReconnectMinSeconds > 3600)
            throw new ArgumentOutOfRangeException(nameof(ReconnectMinSeconds), ReconnectMinSeconds, "must be above 0 and at most 3600");
        if (!(ReconnectMaxSeconds >= ReconnectMinSeconds) || ReconnectMaxSeconds > 86_400)
            throw new ArgumentOutOfRangeException(nameof(ReconnectMaxSeconds), ReconnectMaxSeconds,
                $"must be at least ReconnectMinSeconds ({ReconnectMinSeconds}) and at most 86400");
    }

    private static void Range(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new ArgumentOutOfRangeException(name, value, $"must be {min} to {max}");
    }

    private static void RequireFile(string? path, string name)
    {
        if (path is not null && !File.Exists(path))
            throw new ArgumentException($"{name} '{path}' does not exist", name);
    }
}

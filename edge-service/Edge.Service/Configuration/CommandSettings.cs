namespace Edge.Service.Configuration;

/// <summary>The <c>Edge:Commands</c> section: the incident team's public keys (key id → Ed25519 public
/// key as base64 or PEM) and how old a command may be. No key: every command is refused as unsigned
/// or from an unknown key, and the sensor still reports.</summary>
public sealed class CommandSettings
{
    public Dictionary<string, string> TrustedKeys { get; set; } = new(StringComparer.Ordinal);

    public int ReplayWindowSeconds { get; set; } = 300;

    public int ClockSkewSeconds { get; set; } = 60;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ReplayWindowSeconds, 10);
        ArgumentOutOfRangeException.ThrowIfNegative(ClockSkewSeconds);
    }
}

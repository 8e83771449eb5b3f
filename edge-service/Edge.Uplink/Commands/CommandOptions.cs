namespace Edge.Uplink.Commands;

/// <summary>Who the sensor is, and the limits every command is held to.</summary>
public sealed record CommandOptions
{
    public required string Agency { get; init; }

    public required string Sensor { get; init; }

    /// <summary>Largest MQTT payload read; a larger one is refused unread (<c>too_large</c>).</summary>
    public int MaxPayloadBytes { get; init; } = 64 * 1024;

    /// <summary>Deepest JSON nesting read in the envelope or the body.</summary>
    public int MaxJsonDepth { get; init; } = 8;

    /// <summary>How old a command's <c>ts</c> may be; ids are remembered this long (plus the skew).</summary>
    public TimeSpan ReplayWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How far in the future a command's <c>ts</c> may be (the sender's clock running ahead).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest intel list taken, whole or in chunks.</summary>
    public long MaxIntelBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>A chunked intel transfer with no chunk for this long is dropped.</summary>
    public TimeSpan IntelTransferTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest evidence chunk returned (base64 in the result keeps it under 64 KiB).</summary>
    public int MaxEvidenceChunk { get; init; } = 32 * 1024;

    /// <summary>Where intel lists are written while they arrive; the service's temp folder by default.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "edge-commands");

    public void Validate()
    {
        if (!Topics.TopicLayout.IsId(Agency))
            throw new ArgumentException($"agency id '{Agency}' must be 1 to 64 of a-z, 0-9 and '-'", nameof(Agency));
        if (!Topics.TopicLayout.IsId(Sensor))
            throw new ArgumentException($"sensor id '{Sensor}' must be 1 to 64 of a-z, 0-9 and '-'", nameof(Sensor));
        if (MaxPayloadBytes is < 1024 or > 16 * 1024 * 1024)
            throw new ArgumentOutOfRangeException(nameof(MaxPayloadBytes), MaxPayloadBytes, "MaxPayloadBytes must be between 1 KiB and 16 MiB");
        if (MaxJsonDepth is < 3 or > 64)
            throw new ArgumentOutOfRangeException(nameof(MaxJsonDepth), MaxJsonDepth, "MaxJsonDepth must be between 3 and 64");
        if (ReplayWindow <= TimeSpan.Zero || ClockSkew < TimeSpan.Zero || IntelTransferTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ReplayWindow), "ReplayWindow and IntelTransferTimeout must be positive, ClockSkew not negative");
        if (MaxIntelBytes < 1 || MaxEvidenceChunk < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIntelBytes), "MaxIntelBytes and MaxEvidenceChunk must be positive");
    }
}

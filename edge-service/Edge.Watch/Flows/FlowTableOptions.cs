namespace Edge.Watch.Flows;

/// <summary>Capacity and idle timeouts (seconds) of the flow table.</summary>
public sealed record FlowTableOptions
{
    /// <summary>Hard cap: memory is at most MaxFlows × sizeof(Flow) plus the bucket array, whatever
    /// the traffic; the table starts at 1,024 flows and doubles as the LAN needs.</summary>
    public int MaxFlows { get; init; } = 65_536;
    public int TcpOpeningTimeoutSeconds { get; init; } = 30;
    public int TcpEstablishedTimeoutSeconds { get; init; } = 600;
    public int TcpClosedTimeoutSeconds { get; init; } = 10;
    public int UdpTimeoutSeconds { get; init; } = 60;
    public int OtherTimeoutSeconds { get; init; } = 30;

    public void Validate()
    {
        if (MaxFlows is < 16 or > 16_777_216)
            throw new ArgumentOutOfRangeException(nameof(MaxFlows), MaxFlows, "MaxFlows must be between 16 and 16,777,216");
        Positive(TcpOpeningTimeoutSeconds, nameof(TcpOpeningTimeoutSeconds));
        Positive(TcpEstablishedTimeoutSeconds, nameof(TcpEstablishedTimeoutSeconds));
        Positive(TcpClosedTimeoutSeconds, nameof(TcpClosedTimeoutSeconds));
        Positive(UdpTimeoutSeconds, nameof(UdpTimeoutSeconds));
        Positive(OtherTimeoutSeconds, nameof(OtherTimeoutSeconds));
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
            throw new ArgumentOutOfRangeException(name, value, name + " must be positive");
    }
}

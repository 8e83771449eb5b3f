namespace Edge.Detect.Behaviour;

/// <summary>One (client, zone) over the current window. Score is 0..1; IsTunnel applies MinQueries and Threshold.</summary>
public readonly record struct TunnelScore(
    int Queries,
    int UniqueSubdomains,
    double MeanLabelLength,
    double MeanEntropyBits,
    double TunnelTypeShare,
    double Score,
    bool IsTunnel);

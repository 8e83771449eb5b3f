namespace Edge.Detect.Behaviour;

/// <summary>The periodicity of one series over its window. Score is 0..1; IsBeacon applies the
/// options' gates (connections, threshold, mean interval, CV).</summary>
public readonly record struct BeaconScore(
    long Connections,
    int Intervals,
    double MeanIntervalSeconds,
    double Cv,
    double Bowley,
    double MadRatio,
    double SizeRegularity,
    double Score,
    bool IsBeacon);

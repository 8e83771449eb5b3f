namespace Edge.Detect.Behaviour;

/// <summary><see cref="Crossed"/> names the views whose threshold this SYN crossed for the first time
/// in the current episode; the counts are the in-window distinct targets, capped at the thresholds.</summary>
public readonly record struct FanOutObservation(FanOutAlert Crossed, int DistinctOnPort, int DistinctTargets);

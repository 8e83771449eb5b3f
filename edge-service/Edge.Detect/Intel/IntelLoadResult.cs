namespace Edge.Detect.Intel;

public sealed record IntelLoadResult(IntelSnapshot Snapshot, IntelLoadReport Report);

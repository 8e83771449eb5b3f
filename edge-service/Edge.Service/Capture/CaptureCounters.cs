namespace Edge.Service.Capture;

/// <summary>A source's totals since it opened. <paramref name="Bytes"/> counts wire lengths;
/// the drops are the capture library's (live interfaces only).</summary>
public readonly record struct CaptureCounters(long Received, long Bytes, long KernelDrops, long InterfaceDrops);

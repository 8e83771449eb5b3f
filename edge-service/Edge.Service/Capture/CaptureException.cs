namespace Edge.Service.Capture;

/// <summary>A capture source could not be opened for a reason other than a refused setting
/// (no permission, libpcap missing, the interface refused activation).</summary>
public sealed class CaptureException(string message, Exception? inner = null) : Exception(message, inner);

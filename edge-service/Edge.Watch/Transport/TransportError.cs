namespace Edge.Watch.Transport;

public enum TransportError : byte
{
    None,
    Truncated,
    BadHeaderLength,
    BadLength,
    BadOption,
    BadChecksum,
}

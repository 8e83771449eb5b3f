namespace Edge.Watch.Pipeline;

/// <summary>Whether packets with a wrong IP, TCP or UDP checksum may feed DNS, TLS and HTTP
/// extraction. A host drops them, so a decoy sent with a bad checksum must not be believed.</summary>
public enum ChecksumMode : byte
{
    /// <summary>Measure the first packets; validate unless most are wrong (a capture taken on a
    /// host with checksum offload, where outgoing packets carry no final checksum).</summary>
    Auto,
    Always,
    Never,
}

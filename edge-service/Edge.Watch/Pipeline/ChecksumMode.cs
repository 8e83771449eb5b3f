namespace Edge.Watch.Pipeline;

/// <summary>Whether packets with a wrong IP, TCP or UDP checksum may feed DNS, TLS and HTTP
/// extraction. A host drops them, so a decoy sent with a bad checksum must not be believed.</summary>
public enum ChecksumMode : byte
{
    /// <summary>For replaying captures: measure the first packets; validate unless 10 % or more are
    /// wrong (a capture taken on a host with checksum offload, whose own packets carry no final
    /// checksum). A sensor on a mirror port sees only packets off the wire and should use Always,
    /// so that nobody can switch validation off by sending bad checksums first.</summary>
    Auto,
    Always,
    Never,
}

using Edge.Watch.Link;

namespace Edge.Benchmarks.Corpus;

/// <summary>One corpus frame and where its client's port and address sit, so a copy can be turned
/// into a new flow.</summary>
/// <param name="Payload">A copy of the transport payload (the DNS message, TLS record, HTTP head).</param>
public sealed record SampleFrame(
    FrameKind Kind,
    string Source,
    int Number,
    LinkType LinkType,
    long TimestampMicros,
    byte[] Data,
    int WireLength,
    byte[] Payload,
    int ClientPortOffset,
    int ClientAddressLastByteOffset);

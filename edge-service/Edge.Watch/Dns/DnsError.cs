namespace Edge.Watch.Dns;

/// <summary>Why a DNS message was judged malformed.</summary>
public enum DnsError : byte
{
    None = 0,
    TruncatedHeader,
    TruncatedQuestion,
    TruncatedRecord,

    /// <summary>Label type 0b01 (extended, RFC 6891 §5) or 0b10 (reserved, RFC 1035 §4.1.4).</summary>
    BadLabelType,

    /// <summary>Reserved for encoders: a 6-bit wire length cannot exceed 63, so the reader never reports it.</summary>
    LabelTooLong,
    NameTooLong,

    /// <summary>A compression pointer that is not strictly backward, or points into the header.</summary>
    BadPointer,
    TooManyPointers,
    RdataOverrun,
    BadRdata,
    TooManyRecords,
    ZeroLengthTcpFrame,

    /// <summary>OPT with a non-root owner, a second OPT, or options that overrun its RDATA (RFC 6891 §6.1.1).</summary>
    BadOpt,
}

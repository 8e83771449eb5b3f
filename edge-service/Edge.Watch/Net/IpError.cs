namespace Edge.Watch.Net;

public enum IpError : byte
{
    None,
    Truncated,
    BadVersion,
    BadHeaderLength,
    BadTotalLength,
    TooManyExtensionHeaders,
    TruncatedExtensionHeader,
    FragmentOverlap,
    FragmentBadLength,
    FragmentTooLarge,
    FragmentTruncated,
    NestedFragment,
    BadHeaderChecksum,
}

using Edge.Watch.Net;

namespace Edge.Detect.Intel;

/// <summary>One listed network of a snapshot (host bits zero) and its list.</summary>
public readonly record struct IntelCidr(IpAddr Network, int PrefixLength, IntelList List);

namespace Edge.Watch.Dns;

/// <summary>The four sections of a DNS message (RFC 1035 §4.1).</summary>
public enum DnsSection : byte
{
    Question,
    Answer,
    Authority,
    Additional,
}

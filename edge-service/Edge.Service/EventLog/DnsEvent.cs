namespace Edge.Service.EventLog;

public sealed class DnsEvent
{
    public int Id { get; init; }
    /// <summary>"query" or "response".</summary>
    public required string Qr { get; init; }
    public string? Qname { get; init; }
    public string? Qtype { get; init; }
    public string? Rcode { get; init; }
    public string? Opcode { get; init; }
    public bool Aa { get; init; }
    public bool Tc { get; init; }
    public bool Rd { get; init; }
    public bool Ra { get; init; }
    public int Ancount { get; init; }
    public int Nscount { get; init; }
    public int Arcount { get; init; }
    public EdnsInfo? Edns { get; init; }
    public List<DnsAnswer>? Answers { get; init; }
}

public sealed class EdnsInfo
{
    public int UdpSize { get; init; }
    public bool Do { get; init; }
    public int Version { get; init; }
}

public sealed class DnsAnswer
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public uint Ttl { get; init; }
    /// <summary>RDATA in presentation form; null for types without one.</summary>
    public string? Data { get; init; }
}

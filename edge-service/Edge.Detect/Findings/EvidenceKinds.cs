namespace Edge.Detect.Findings;

/// <summary>What observation produced a finding (the corpus truth files use the same words).</summary>
public static class EvidenceKinds
{
    public const string DnsQuery = "dns-query";
    public const string DnsAnswer = "dns-answer";
    public const string TlsSni = "tls-sni";
    public const string HttpHost = "http-host";
    public const string IpContact = "ip-contact";
    public const string Stratum = "stratum";
    public const string Scan = "scan";
    public const string Beacon = "beacon";
    public const string DnsPattern = "dns-pattern";

    /// <summary>Not traffic: the sensor went back to its previous firmware slot.</summary>
    public const string FirmwareRollback = "firmware-rollback";
}

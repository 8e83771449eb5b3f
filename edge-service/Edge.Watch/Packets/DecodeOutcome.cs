namespace Edge.Watch.Packets;

public enum DecodeOutcome : byte
{
    /// <summary>An IP packet, decoded as far as its transport header.</summary>
    Ip,
    /// <summary>Well formed but not IP (ARP, LLDP, 802.3 LLC …): counted, not an error.</summary>
    NotIp,
    /// <summary>Malformed or truncated; the reason was counted.</summary>
    Error,
}

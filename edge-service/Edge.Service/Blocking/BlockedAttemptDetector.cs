using System.Buffers.Binary;
using Edge.Detect.Findings;
using Edge.Detect.Intel;
using Edge.Watch.Link;
using Edge.Watch.Net;

namespace Edge.Service.Blocking;

/// <summary>Turns a packet the gateway dropped (an NFLOG frame of the blocking rule) into a
/// finding with <c>Blocked = true</c>: the LAN host is the client, the listed address the server,
/// the intel list the one the snapshot names for it. Packets of other rules, other groups, or to
/// addresses no longer listed (an update raced the log) are ignored.</summary>
public sealed class BlockedAttemptDetector(IntelHolder intel, BlockingSettings settings, IFindingSink sink, BlockingCounters counters)
{
    public const string RuleId = "edge.block.ip";

    private readonly HashSet<string> _categories = new(settings.BlockedCategories, StringComparer.Ordinal);

    /// <summary>True when the frame became a finding.</summary>
    public bool Observe(ReadOnlySpan<byte> frame, long timestampMicros)
    {
        if (!NflogHeader.TryRead(frame, out var log) || log.Group != settings.LogGroup
            || !log.Prefix.SequenceEqual("edge-block"u8)
            || !TryReadPacket(log.Payload, out var source, out var destination, out var protocol, out var sourcePort, out var destinationPort))
            return false;
        counters.Attempt();
        if (!intel.Current.TryMatchAddress(destination, out var match) || !_categories.Contains(match.List.Category))
            return false;
        var server = destination.ToString();
        sink.Report(new Finding
        {
            RuleId = RuleId,
            RuleName = "Blocked connection to a listed address",
            Category = match.List.Category,
            Severity = SeverityOf(match.List.Category),
            Kind = EvidenceKinds.IpContact,
            Indicator = server,
            Evidence = $"{source} tried to reach {server}" + (destinationPort == 0 ? "" : $":{destinationPort}")
                + $", listed as {match.List.Category} (list {match.List.Source}); the gateway dropped it",
            TimestampMicros = timestampMicros,
            Client = source,
            ClientPort = sourcePort,
            Server = destination,
            ServerPort = destinationPort,
            Protocol = protocol,
            IntelList = match.List.Category,
            IntelSource = match.List.Source,
            Blocked = true,
        });
        return true;
    }

    private static Severity SeverityOf(string category) => category switch
    {
        "cnc" or "botnet" or "malware" => Severity.High,
        _ => Severity.Medium,
    };

    /// <summary>Addresses, protocol and ports of an IPv4 or IPv6 packet (no IPv6 extension
    /// headers are walked: ports stay 0 behind one).</summary>
    internal static bool TryReadPacket(ReadOnlySpan<byte> ip, out IpAddr source, out IpAddr destination, out byte protocol,
        out ushort sourcePort, out ushort destinationPort)
    {
        source = destination = default;
        protocol = 0;
        sourcePort = destinationPort = 0;
        if (ip.IsEmpty)
            return false;
        int transport;
        switch (ip[0] >> 4)
        {
            case 4 when ip.Length >= 20 && (ip[0] & 0xf) >= 5:
                transport = (ip[0] & 0xf) * 4;
                protocol = ip[9];
                source = IpAddr.FromIPv4(ip[12..16]);
                destination = IpAddr.FromIPv4(ip[16..20]);
                // Only the first fragment carries the ports.
                if ((BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x1fff) != 0)
                    return true;
                break;
            case 6 when ip.Length >= 40:
                transport = 40;
                protocol = ip[6];
                source = IpAddr.FromIPv6(ip[8..24]);
                destination = IpAddr.FromIPv6(ip[24..40]);
                break;
            default:
                return false;
        }
        if (protocol is 6 or 17 or 132 && ip.Length >= transport + 4)
        {
            sourcePort = BinaryPrimitives.ReadUInt16BigEndian(ip[transport..]);
            destinationPort = BinaryPrimitives.ReadUInt16BigEndian(ip[(transport + 2)..]);
        }
        return true;
    }
}

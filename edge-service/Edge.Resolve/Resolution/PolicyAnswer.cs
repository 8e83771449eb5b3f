using System.Net;
using System.Net.Sockets;
using Edge.Resolve.Policy;
using Edge.Resolve.Wire;

namespace Edge.Resolve.Resolution;

/// <summary>Writes the answer for a blocking verdict: NXDOMAIN or NODATA with the synthetic SOA
/// (negative TTL = block TTL), or A/AAAA records of the block page or the RPZ list's local data
/// (NODATA for a type the addresses do not answer).</summary>
internal sealed class PolicyAnswer
{
    private readonly byte[]? _blockPageV4;
    private readonly byte[]? _blockPageV6;
    private readonly uint _ttl;
    private readonly ushort _advertisedUdpSize;

    public PolicyAnswer(ResolverOptions options)
    {
        _blockPageV4 = Bytes(options.BlockPageV4, AddressFamily.InterNetwork);
        _blockPageV6 = Bytes(options.BlockPageV6, AddressFamily.InterNetworkV6);
        _ttl = (uint)Math.Clamp(options.BlockTtl.TotalSeconds, 0, int.MaxValue);
        _advertisedUdpSize = (ushort)Math.Clamp(options.MaxUdpResponse, 512, 65535);
    }

    public int Write(PolicyVerdict verdict, in DnsQuery query, int limit, Span<byte> response, out bool truncated)
    {
        var rcode = verdict.Action == PolicyAction.NxDomain ? DnsFlags.NxDomain : DnsFlags.NoError;
        var writer = new DnsAnswerWriter(response, query, rcode, limit, _advertisedUdpSize);
        var answered = verdict.Action switch
        {
            PolicyAction.BlockPage => AddBlockPage(ref writer, query.Type),
            PolicyAction.LocalData when verdict.List is not null => AddLocalData(ref writer, query.Type, verdict.List.LocalData),
            _ => false,
        };
        if (!answered)
            writer.AddNegativeSoa(_ttl);
        truncated = writer.Truncated;
        return writer.Finish();
    }

    private bool AddBlockPage(ref DnsAnswerWriter writer, ushort type)
    {
        var address = type switch
        {
            1 => _blockPageV4,
            28 => _blockPageV6,
            _ => null,
        };
        if (address is null)
            return false;
        writer.AddAnswer(type, _ttl, address);
        return true;
    }

    private bool AddLocalData(ref DnsAnswerWriter writer, ushort type, IReadOnlyList<IPAddress> addresses)
    {
        var family = type switch
        {
            1 => AddressFamily.InterNetwork,
            28 => AddressFamily.InterNetworkV6,
            _ => AddressFamily.Unknown,
        };
        if (family == AddressFamily.Unknown)
            return false;
        Span<byte> bytes = stackalloc byte[16];
        var added = false;
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            if (address.AddressFamily != family || !address.TryWriteBytes(bytes, out var written))
                continue;
            writer.AddAnswer(type, _ttl, bytes[..written]);
            added = true;
        }
        return added;
    }

    private static byte[]? Bytes(IPAddress? address, AddressFamily family)
    {
        if (address is null)
            return null;
        if (family == AddressFamily.InterNetwork && address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return address.AddressFamily == family ? address.GetAddressBytes() : null;
    }
}

using System.Net;
using Edge.Cli.Synth.Packets;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Flows;

/// <summary>Wraps transport payloads in IPv4/IPv6 and Ethernet, keeping a per-sender IPv4 ID counter.</summary>
internal sealed class IpFramer(SynthRandom random)
{
    private readonly Dictionary<IPAddress, ushort> _nextId = [];

    public byte[] Frame(NetHost from, NetHost to, ushort? vlan, byte protocol, ReadOnlySpan<byte> transport, uint flowLabel = 0)
    {
        if (from.IsIPv6)
        {
            var packet6 = Ipv6Packet.Build(from.Address, to.Address, protocol, from.Ttl, flowLabel, transport);
            return EthernetFrame.Build(to.Mac, from.Mac, vlan, EthernetFrame.TypeIPv6, packet6);
        }
        var packet = Ipv4Packet.Build(from.Address, to.Address, protocol, NextId(from.Address), from.Ttl, transport);
        return EthernetFrame.Build(to.Mac, from.Mac, vlan, EthernetFrame.TypeIPv4, packet);
    }

    /// <summary>Splits one IPv4 datagram into fragments of at most <paramref name="mtu"/> bytes (RFC 791 §3.2).</summary>
    public IReadOnlyList<byte[]> Fragments(NetHost from, NetHost to, byte protocol, ReadOnlySpan<byte> transport, int mtu = 1500)
    {
        var id = NextId(from.Address);
        var chunk = (mtu - Ipv4Packet.HeaderLength) / 8 * 8;
        var frames = new List<byte[]>();
        for (var offset = 0; offset < transport.Length; offset += chunk)
        {
            var length = Math.Min(chunk, transport.Length - offset);
            var more = offset + length < transport.Length;
            var packet = Ipv4Packet.Build(from.Address, to.Address, protocol, id, from.Ttl,
                transport.Slice(offset, length), dontFragment: false, fragmentOffset: offset, moreFragments: more);
            frames.Add(EthernetFrame.Build(to.Mac, from.Mac, null, EthernetFrame.TypeIPv4, packet));
        }
        return frames;
    }

    private ushort NextId(IPAddress sender)
    {
        if (!_nextId.TryGetValue(sender, out var id))
            id = random.NextUInt16();
        _nextId[sender] = (ushort)(id + 1);
        return id;
    }
}

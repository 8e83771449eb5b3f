using Edge.Cli.Synth.Packets;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Flows;

/// <summary>What every traffic builder shares: the seeded randomness, the capture and the framer.</summary>
internal sealed class SynthContext
{
    private int _nextPort;

    public SynthContext(SynthRandom random)
    {
        Random = random;
        Framer = new IpFramer(random);
        _nextPort = random.Next(33_000, 45_000);
    }

    public SynthRandom Random { get; }

    public CaptureBuilder Capture { get; } = new();

    public IpFramer Framer { get; }

    /// <summary>An ephemeral client port from the Linux default range 32768-60999.</summary>
    public int NextClientPort()
    {
        _nextPort += Random.Next(1, 9);
        if (_nextPort > 60_999)
            _nextPort = 32_768 + (_nextPort - 61_000);
        return _nextPort;
    }

    public void SendUdp(long micros, NetHost from, NetHost to, int sourcePort, int destinationPort, ReadOnlySpan<byte> payload, ushort? vlan = null)
    {
        var datagram = UdpDatagram.Build(from.Address, to.Address, sourcePort, destinationPort, payload);
        Capture.Add(micros, Framer.Frame(from, to, vlan, IpProtocol.Udp, datagram, Random.NextUInt32()));
    }

    public void SendIcmpEcho(long micros, NetHost from, NetHost to, bool reply, ushort id, ushort sequence, ReadOnlySpan<byte> data)
    {
        var message = IcmpEcho.Build(from.Address, to.Address, reply, id, sequence, data);
        Capture.Add(micros, Framer.Frame(from, to, null, from.IsIPv6 ? IpProtocol.IcmpV6 : IpProtocol.Icmp, message));
    }
}

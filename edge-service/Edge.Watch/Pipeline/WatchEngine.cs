using Edge.Watch.Decoding;
using Edge.Watch.Flows;
using Edge.Watch.Fragments;
using Edge.Watch.Link;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Streams;
using Edge.Watch.Transport;

namespace Edge.Watch.Pipeline;

/// <summary>The per-packet path: decode, flow table, DNS/TLS/HTTP extraction, observer. One instance
/// per capture thread; after construction it allocates nothing per packet.</summary>
public sealed class WatchEngine : IFlowEndHandler
{
    private const ushort DnsPort = 53;

    private readonly IWatchObserver _observer;
    private readonly MessageDispatcher _dispatch;
    private readonly TcpStreamInspector _tcp;
    private readonly FragmentReassembler _fragments;
    private readonly ChecksumPolicy _checksums;

    public WatchEngine(WatchOptions options, IWatchObserver observer)
    {
        _observer = observer;
        Flows = new FlowTable(options.Flows, this);
        Buffers = new StreamBufferPool(options.StreamBuffers, options.StreamBufferSize);
        _dispatch = new MessageDispatcher(observer, Counters, Errors);
        _tcp = new TcpStreamInspector(Buffers, _dispatch);
        _fragments = new FragmentReassembler(options.FragmentSlots, options.FragmentTimeoutSeconds);
        _checksums = new ChecksumPolicy(options.Checksums);
    }

    public WatchCounters Counters { get; } = new();

    public DecodeErrorCounters Errors { get; } = new();

    public FlowTable Flows { get; }

    public StreamBufferPool Buffers { get; }

    /// <summary>Packets whose checksums were checked before feeding the parsers, the bad ones, and
    /// whether Auto found a checksum-offload capture and stopped enforcing.</summary>
    public (long Checked, long Bad, bool OffloadDetected) Checksums =>
        (_checksums.Checked, _checksums.Bad, _checksums.OffloadDetected);

    public void Process(LinkType linkType, long timestampMicros, ReadOnlySpan<byte> frame, int wireLength)
    {
        var counters = Counters;
        if (counters.Packets == 0)
            counters.FirstTimestampMicros = timestampMicros;
        counters.Packets++;
        counters.Bytes += wireLength;
        counters.LastTimestampMicros = Math.Max(counters.LastTimestampMicros, timestampMicros);

        var packet = new DecodedPacket { TimestampMicros = timestampMicros, WireLength = wireLength, LinkType = linkType, Frame = frame };
        switch (PacketDecoder.Decode(linkType, frame, ref packet, Errors))
        {
            case DecodeOutcome.NotIp:
                counters.NotIp++;
                return;
            case DecodeOutcome.Error:
                return;
        }
        CountNetwork(ref packet);
        if (packet.Ip.IsFragment && !Reassemble(ref packet))
            return;
        CountTransport(packet.Protocol);
        if (!packet.HasTransport)
            return;

        ref var flow = ref Flows.Track(ref packet, out var toServer);
        _observer.OnPacket(ref packet, ref flow, toServer);
        if (packet.Payload.IsEmpty && !packet.IsTcp)
            return;
        var context = new PacketContext(timestampMicros, packet.Ip.Source, packet.SourcePort,
            packet.Ip.Destination, packet.DestinationPort, packet.Protocol, flow.Id, toServer);
        if (packet.IsUdp)
        {
            if ((packet.SourcePort == DnsPort || packet.DestinationPort == DnsPort) && Believable(ref packet, DecodeLayer.Udp))
            {
                flow.App = AppProtocol.Dns;
                _dispatch.Dns(context, packet.Payload);
            }
        }
        else if (packet.IsTcp && WantsStream(ref flow, toServer) && Believable(ref packet, DecodeLayer.Tcp))
        {
            _tcp.Inspect(ref flow, ref packet, toServer, context);
        }
    }

    private static bool WantsStream(ref Flow flow, bool toServer) =>
        (toServer ? flow.ToServer.Mode : flow.ToClient.Mode) != StreamMode.Done;

    /// <summary>A packet with a wrong checksum is dropped by its receiver, so it must not feed the
    /// parsers either (a decoy ClientHello with a bad checksum would otherwise hide the real one).</summary>
    private bool Believable(ref DecodedPacket packet, DecodeLayer layer)
    {
        if (_checksums.Accept(ref packet))
            return true;
        Errors.Add(layer, (byte)TransportError.BadChecksum);
        return false;
    }

    /// <summary>Holds a fragment; when it completes its datagram, turns the packet into the whole
    /// datagram (transport decoded over the reassembled payload) and returns true.</summary>
    private bool Reassemble(ref DecodedPacket packet)
    {
        var layer = packet.Ip.Version == 4 ? DecodeLayer.Ipv4 : DecodeLayer.Ipv6;
        if (packet.Ip.CaptureTruncated)
        {
            // A piece cut by the snap length would leave a hole that never fills.
            Errors.Add(layer, (byte)IpError.FragmentTruncated);
            return false;
        }
        if (!_checksums.AcceptFragment(ref packet))
        {
            Errors.Add(layer, (byte)IpError.BadHeaderChecksum);
            return false;
        }
        var result = _fragments.Add(packet.Ip, packet.IpPayload, packet.TimestampMicros, out var datagram, out var protocol);
        switch (result)
        {
            case FragmentResult.Complete:
                break;
            case FragmentResult.Overlap:
                Errors.Add(layer, (byte)IpError.FragmentOverlap);
                return false;
            case FragmentResult.BadLength:
                Errors.Add(layer, (byte)IpError.FragmentBadLength);
                return false;
            case FragmentResult.TooLarge:
                Errors.Add(layer, (byte)IpError.FragmentTooLarge);
                return false;
            default:
                return false;
        }
        Counters.Reassembled++;
        packet.Ip.IsFragment = false;
        packet.Ip.MoreFragments = false;
        packet.Ip.FragmentOffset = 0;
        packet.Ip.Protocol = protocol;
        if (packet.Ip.Version == 6)
        {
            // The fragmentable part may start with more extension headers (RFC 8200 §4.5).
            var error = Ipv6Decoder.WalkExtensions(datagram, 0, ref packet.Ip.Protocol, ref packet.Ip, out var offset);
            if (error == IpError.None && packet.Ip.IsFragment)
                error = IpError.NestedFragment;
            if (error != IpError.None)
            {
                Errors.Add(layer, (byte)error);
                return false;
            }
            datagram = datagram[offset..];
        }
        packet.Ip.PayloadLength = datagram.Length;
        packet.IpPayload = datagram;
        packet.Payload = datagram;
        packet.HasTransport = false;
        return PacketDecoder.DecodeTransport(datagram, ref packet, Errors) == DecodeOutcome.Ip;
    }

    /// <summary>Ends every open flow: call at the end of a capture.</summary>
    public void Finish() => Flows.Flush();

    void IFlowEndHandler.OnFlowEnd(ref Flow flow, FlowEndReason reason)
    {
        _tcp.Release(ref flow);
        _observer.OnFlowEnd(ref flow, reason);
    }

    private void CountNetwork(ref DecodedPacket packet)
    {
        var counters = Counters;
        if (packet.Ip.Version == 4)
            counters.Ipv4++;
        else
            counters.Ipv6++;
        if (packet.Ip.IsFragment)
            counters.Fragments++;
        if (packet.Ip.HasOptions)
            counters.IpOptions++;
    }

    /// <summary>Counted once per datagram: a fragmented one when it is whole again.</summary>
    private void CountTransport(byte protocol)
    {
        var counters = Counters;
        switch (protocol)
        {
            case IpProtocols.Tcp: counters.Tcp++; break;
            case IpProtocols.Udp: counters.Udp++; break;
            case IpProtocols.Icmp or IpProtocols.IcmpV6: counters.Icmp++; break;
            default: counters.OtherIp++; break;
        }
    }
}

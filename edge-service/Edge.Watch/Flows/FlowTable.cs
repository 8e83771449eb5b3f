using System.Numerics;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Transport;

namespace Edge.Watch.Flows;

/// <summary>Bidirectional flow table with a hard cap: a chained hash over one <see cref="Flow"/> array,
/// and one LRU list per timeout class so expiry and eviction only look at list tails. A SYN flood
/// fills the half-open class, which is evicted first. The array starts small and doubles when full,
/// up to the cap (a quiet LAN never pays for 65,536 flows); at the cap the oldest flow is evicted.
/// Flow indexes survive growth, but a <c>ref Flow</c> does not: none is held across <see cref="Track"/>.</summary>
public sealed class FlowTable
{
    private const int None = -1;
    private const long MicrosPerSecond = 1_000_000;
    internal const int InitialFlows = 1024;
    private static readonly int s_classes = Enum.GetValues<TimeoutClass>().Length;

    private readonly int _maxFlows;
    private Flow[] _flows = [];
    private int[] _buckets = [];
    private int _bucketMask;
    private readonly int[] _heads;
    private readonly int[] _tails;
    private readonly long[] _timeouts;
    private readonly ulong _seed;
    private readonly IFlowEndHandler _onEnd;
    private int _free;
    private long _lastSweepMicros = long.MinValue / 2;
    private ulong _nextId = 1;

    public FlowTable(FlowTableOptions options, IFlowEndHandler onEnd)
    {
        options.Validate();
        _onEnd = onEnd;
        _maxFlows = options.MaxFlows;
        _heads = new int[s_classes];
        _tails = new int[s_classes];
        Array.Fill(_heads, None);
        Array.Fill(_tails, None);
        _timeouts = new long[s_classes];
        _timeouts[(int)TimeoutClass.TcpOpening] = options.TcpOpeningTimeoutSeconds * MicrosPerSecond;
        _timeouts[(int)TimeoutClass.TcpEstablished] = options.TcpEstablishedTimeoutSeconds * MicrosPerSecond;
        _timeouts[(int)TimeoutClass.TcpClosed] = options.TcpClosedTimeoutSeconds * MicrosPerSecond;
        _timeouts[(int)TimeoutClass.Udp] = options.UdpTimeoutSeconds * MicrosPerSecond;
        _timeouts[(int)TimeoutClass.Other] = options.OtherTimeoutSeconds * MicrosPerSecond;
        _free = None;
        _seed = (ulong)Random.Shared.NextInt64();
        Grow(Math.Min(InitialFlows, _maxFlows));
    }

    public int Count { get; private set; }

    /// <summary>Flows the table has room for now; it grows up to <see cref="FlowTableOptions.MaxFlows"/>.</summary>
    public int Capacity => _flows.Length;

    public FlowTableCounters Counters { get; } = new();

    /// <summary>Finds or creates the flow of a decoded packet (with a transport header), updates its
    /// counters and TCP state, and returns it. <paramref name="toServer"/> tells the packet's direction.</summary>
    public ref Flow Track(scoped ref DecodedPacket packet, out bool toServer)
    {
        var now = packet.TimestampMicros;
        if (now - _lastSweepMicros >= MicrosPerSecond)
            Expire(now);

        var hash = FlowHash.Compute(packet.Ip.Source, packet.SourcePort, packet.Ip.Destination, packet.DestinationPort, packet.Protocol, _seed);
        var index = Find(ref packet, hash, out toServer);
        if (index != None && IsNewConnectionOnClosedFlow(ref _flows[index], ref packet, toServer))
        {
            End(index, FlowEndReason.Reused);
            index = None;
        }
        if (index == None)
            index = Create(ref packet, hash, out toServer);

        ref var flow = ref _flows[index];
        flow.LastSeenMicros = Math.Max(flow.LastSeenMicros, now);
        if (toServer)
        {
            flow.PacketsToServer++;
            flow.BytesToServer += packet.WireLength;
        }
        else
        {
            flow.PacketsToClient++;
            flow.BytesToClient += packet.WireLength;
        }
        if (packet.IsTcp)
            UpdateTcpState(ref flow, packet.Tcp.Flags, toServer);
        Touch(index, ClassOf(ref flow));
        return ref flow;
    }

    /// <summary>Ends every flow idle past its class timeout at <paramref name="nowMicros"/>.</summary>
    public void Expire(long nowMicros)
    {
        _lastSweepMicros = nowMicros;
        for (var c = 0; c < s_classes; c++)
        {
            var closed = c == (int)TimeoutClass.TcpClosed;
            while (_tails[c] != None && nowMicros - _flows[_tails[c]].LastSeenMicros >= _timeouts[c])
            {
                if (closed)
                    Counters.Closed++;
                else
                    Counters.TimedOut++;
                End(_tails[c], closed ? FlowEndReason.Closed : FlowEndReason.Timeout);
            }
        }
    }

    /// <summary>Ends every flow still in the table (end of a capture, service stop).</summary>
    public void Flush()
    {
        for (var c = 0; c < s_classes; c++)
        {
            while (_tails[c] != None)
                End(_tails[c], FlowEndReason.Shutdown);
        }
    }

    private int Find(ref DecodedPacket packet, uint hash, out bool toServer)
    {
        toServer = true;
        for (var i = _buckets[hash & _bucketMask]; i != None; i = _flows[i].HashNext)
        {
            ref var f = ref _flows[i];
            if (f.Hash != hash || f.Protocol != packet.Protocol)
                continue;
            if (f.ClientPort == packet.SourcePort && f.ServerPort == packet.DestinationPort
                && f.Client == packet.Ip.Source && f.Server == packet.Ip.Destination)
            {
                toServer = true;
                return i;
            }
            if (f.ClientPort == packet.DestinationPort && f.ServerPort == packet.SourcePort
                && f.Client == packet.Ip.Destination && f.Server == packet.Ip.Source)
            {
                toServer = false;
                return i;
            }
        }
        return None;
    }

    private int Create(ref DecodedPacket packet, uint hash, out bool toServer)
    {
        if (_free == None)
        {
            if (_flows.Length < _maxFlows)
                Grow(Math.Min(_flows.Length * 2, _maxFlows));
            else
                EvictOne();
        }
        var index = _free;
        ref var flow = ref _flows[index];
        _free = flow.Next;

        // A SYN-ACK seen first means the capture missed the SYN: the sender is the server.
        var fromServer = packet.IsTcp && (packet.Tcp.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack);
        toServer = !fromServer;
        flow = default;
        flow.Id = _nextId++;
        flow.Protocol = packet.Protocol;
        flow.Client = fromServer ? packet.Ip.Destination : packet.Ip.Source;
        flow.Server = fromServer ? packet.Ip.Source : packet.Ip.Destination;
        flow.ClientPort = fromServer ? packet.DestinationPort : packet.SourcePort;
        flow.ServerPort = fromServer ? packet.SourcePort : packet.DestinationPort;
        flow.FirstSeenMicros = packet.TimestampMicros;
        flow.LastSeenMicros = packet.TimestampMicros;
        flow.ToServer.Buffer = -1;
        flow.ToClient.Buffer = -1;
        flow.ToServer.Held = -1;
        flow.ToClient.Held = -1;
        flow.Hash = hash;
        flow.Previous = None;
        flow.Next = None;
        flow.TimeoutClass = ClassOf(ref flow);
        ref var bucket = ref _buckets[hash & _bucketMask];
        flow.HashNext = bucket;
        bucket = index;
        LinkAtHead(index, flow.TimeoutClass);
        Count++;
        Counters.Created++;
        switch (packet.Protocol)
        {
            case IpProtocols.Tcp: Counters.CreatedTcp++; break;
            case IpProtocols.Udp: Counters.CreatedUdp++; break;
            default: Counters.CreatedOther++; break;
        }
        return index;
    }

    /// <summary>Enlarges the flow array to <paramref name="length"/> (indexes kept, the new slots
    /// free) and rebuilds the buckets at twice that, so chains stay short.</summary>
    private void Grow(int length)
    {
        var used = _flows.Length;
        Array.Resize(ref _flows, length);
        for (var i = length - 1; i >= used; i--)
        {
            _flows[i].Next = _free;
            _free = i;
        }
        _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)length * 2)];
        _bucketMask = _buckets.Length - 1;
        Array.Fill(_buckets, None);
        for (var i = 0; i < used; i++)
        {
            ref var flow = ref _flows[i];
            if (flow.Id == 0)
                continue;
            ref var bucket = ref _buckets[flow.Hash & _bucketMask];
            flow.HashNext = bucket;
            bucket = i;
        }
    }

    private void EvictOne()
    {
        for (var c = 0; c < s_classes; c++)
        {
            if (_tails[c] == None)
                continue;
            Counters.Evicted++;
            End(_tails[c], FlowEndReason.Evicted);
            return;
        }
        throw new InvalidOperationException("flow table full with no flow in any list");
    }

    private void End(int index, FlowEndReason reason)
    {
        ref var flow = ref _flows[index];
        if (reason == FlowEndReason.Reused)
            Counters.Reused++;
        Counters.Ended++;
        _onEnd.OnFlowEnd(ref flow, reason);
        Unlink(index);
        ref var link = ref _buckets[flow.Hash & _bucketMask];
        while (link != index)
            link = ref _flows[link].HashNext;
        link = flow.HashNext;
        flow.Id = 0;
        flow.Next = _free;
        _free = index;
        Count--;
    }

    private static bool IsNewConnectionOnClosedFlow(ref Flow flow, ref DecodedPacket packet, bool toServer) =>
        packet.IsTcp && toServer
        && (packet.Tcp.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn
        && flow.State is TcpState.Closing or TcpState.Closed or TcpState.Reset;

    private static void UpdateTcpState(ref Flow flow, TcpFlags flags, bool toServer)
    {
        if (toServer)
            flow.FlagsToServer |= flags;
        else
            flow.FlagsToClient |= flags;

        if ((flags & TcpFlags.Rst) != 0)
        {
            flow.State = TcpState.Reset;
            return;
        }
        var syn = (flags & TcpFlags.Syn) != 0;
        var ack = (flags & TcpFlags.Ack) != 0;
        flow.State = flow.State switch
        {
            TcpState.None when syn && !ack => TcpState.SynSent,
            TcpState.None when syn => TcpState.SynReceived,
            TcpState.None => TcpState.Midstream,
            TcpState.SynSent when syn && ack && !toServer => TcpState.SynReceived,
            TcpState.SynReceived when ack && !syn && toServer => TcpState.Established,
            _ => flow.State,
        };
        var finToServer = (flow.FlagsToServer & TcpFlags.Fin) != 0;
        var finToClient = (flow.FlagsToClient & TcpFlags.Fin) != 0;
        if (finToServer && finToClient)
            flow.State = TcpState.Closed;
        else if ((finToServer || finToClient) && flow.State != TcpState.Reset)
            flow.State = TcpState.Closing;
    }

    private static TimeoutClass ClassOf(ref Flow flow) => flow.Protocol switch
    {
        IpProtocols.Tcp => flow.State switch
        {
            TcpState.None or TcpState.SynSent or TcpState.SynReceived => TimeoutClass.TcpOpening,
            TcpState.Closed or TcpState.Reset => TimeoutClass.TcpClosed,
            _ => TimeoutClass.TcpEstablished,
        },
        IpProtocols.Udp => TimeoutClass.Udp,
        _ => TimeoutClass.Other,
    };

    private void Touch(int index, TimeoutClass timeoutClass)
    {
        ref var flow = ref _flows[index];
        if (_heads[(int)timeoutClass] == index)
            return;
        Unlink(index);
        flow.TimeoutClass = timeoutClass;
        LinkAtHead(index, timeoutClass);
    }

    private void LinkAtHead(int index, TimeoutClass timeoutClass)
    {
        ref var flow = ref _flows[index];
        var c = (int)timeoutClass;
        flow.Previous = None;
        flow.Next = _heads[c];
        if (_heads[c] != None)
            _flows[_heads[c]].Previous = index;
        _heads[c] = index;
        if (_tails[c] == None)
            _tails[c] = index;
    }

    private void Unlink(int index)
    {
        ref var flow = ref _flows[index];
        var c = (int)flow.TimeoutClass;
        if (flow.Previous != None)
            _flows[flow.Previous].Next = flow.Next;
        else
            _heads[c] = flow.Next;
        if (flow.Next != None)
            _flows[flow.Next].Previous = flow.Previous;
        else
            _tails[c] = flow.Previous;
        flow.Previous = None;
        flow.Next = None;
    }
}

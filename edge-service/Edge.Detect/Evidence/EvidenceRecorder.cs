using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Packets;
using Edge.Watch.Pipeline;
using Edge.Watch.Tls;

namespace Edge.Detect.Evidence;

/// <summary>Keeps every packet briefly so an alert can take its flow's last packets with it, then
/// follows the alerting flow for the packets after it, and hands the finished capture to the
/// writer's queue. Runs on the capture thread, allocates nothing per packet (only per alert), never
/// waits. Put it first among the observers so the packet that raises an alert is already kept.</summary>
public sealed class EvidenceRecorder : IWatchObserver, IAlertEvidence
{
    /// <summary>Packets at the snap length the first buffer has room for after the alert; it grows past that.</summary>
    private const int InitialFollowUpRoom = 2;

    private readonly EvidenceOptions _options;
    private readonly EvidenceQueue _queue;
    private readonly PacketRing _ring;
    private readonly FlowIndex _index;
    private readonly EvidenceCapture?[] _open;
    private readonly long[] _history;
    private readonly long _followUpMicros;
    private int _openCount;
    private long _nextDeadline = long.MaxValue;
    private long _now;

    public EvidenceRecorder(EvidenceOptions options, EvidenceQueue queue)
    {
        options.Validate();
        _options = options;
        _queue = queue;
        _ring = new PacketRing(options.RingBytes, options.RingPackets);
        _index = new FlowIndex(_ring.Capacity);
        _open = new EvidenceCapture?[options.MaxOpenCaptures];
        _history = new long[options.PacketsBefore];
        _followUpMicros = options.FollowUpSeconds * 1_000_000L;
    }

    public EvidenceCounters Counters { get; } = new();

    /// <summary>Captures following their flow now.</summary>
    public int OpenCaptures => _openCount;

    public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer)
    {
        var data = packet.Frame;
        var counters = Counters;
        if (data.Length > _options.SnapLength)
        {
            data = data[.._options.SnapLength];
            counters.Truncated++;
        }
        var at = packet.TimestampMicros;
        _now = Math.Max(_now, at);
        var slot = _index.Claim(flow.Id, _ring, out var evicted);
        if (evicted)
            counters.IndexEvictions++;
        var previous = -1L;
        if (slot >= 0)
            previous = _index[slot].Last;
        else
            counters.Unindexed++;
        var sequence = _ring.Append(data, at, packet.WireLength, (ushort)packet.LinkType, flow.Id, previous);
        counters.Packets++;
        counters.Bytes += data.Length;
        if (slot >= 0)
        {
            ref var entry = ref _index[slot];
            entry.Last = sequence;
            if (entry.Capture != 0)
                FollowUp(entry.Capture - 1, at, data, packet.WireLength, (ushort)packet.LinkType);
        }
        if (_now >= _nextDeadline)
            Expire(_now);
    }

    public string? Collect(Finding finding, string alertId)
    {
        var counters = Counters;
        if (finding.FlowId == 0)
        {
            counters.NoFlow++;
            return null;
        }
        var slot = _index.Find(finding.FlowId);
        if (slot < 0 || !_ring.IsLive(_index[slot].Last))
        {
            counters.NoPackets++;
            return null;
        }
        ref var entry = ref _index[slot];
        if (entry.Capture != 0)
        {
            counters.Joined++;
            return _open[entry.Capture - 1]!.FileName;
        }
        var free = entry.Ended || _options.PacketsAfter == 0 ? -1 : FreeSlot();
        if (free < 0 && !entry.Ended && _options.PacketsAfter > 0)
        {
            counters.TooManyOpen++;
            return null;
        }
        var capture = Gather(finding.FlowId, entry.Last, alertId + ".pcap");
        counters.Captures++;
        if (free < 0)
        {
            if (entry.Ended)
                counters.EndedByFlow++;
            else
                counters.EndedByCount++;
            Hand(capture);
            return capture.FileName;
        }
        _open[free] = capture;
        _openCount++;
        entry.Capture = free + 1;
        _nextDeadline = Math.Min(_nextDeadline, capture.DeadlineMicros);
        return capture.FileName;
    }

    public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
    {
        var slot = _index.Find(flow.Id);
        if (slot < 0)
            return;
        ref var entry = ref _index[slot];
        entry.Ended = true;
        if (entry.Capture != 0)
        {
            Counters.EndedByFlow++;
            Finish(entry.Capture - 1);
        }
    }

    /// <summary>Closes captures whose follow-up time has passed at <paramref name="nowMicros"/>
    /// (packet time; the live host calls it when no packet comes).</summary>
    public void Expire(long nowMicros)
    {
        var next = long.MaxValue;
        for (var i = 0; i < _open.Length && _openCount > 0; i++)
        {
            if (_open[i] is not { } capture)
                continue;
            if (capture.DeadlineMicros <= nowMicros)
            {
                Counters.EndedByTime++;
                Finish(i);
            }
            else
            {
                next = Math.Min(next, capture.DeadlineMicros);
            }
        }
        _nextDeadline = next;
    }

    /// <summary>Hands every open capture to the writer as it is (end of a replay, shutdown).</summary>
    public void Flush()
    {
        for (var i = 0; i < _open.Length && _openCount > 0; i++)
        {
            if (_open[i] is null)
                continue;
            Counters.EndedByFlush++;
            Finish(i);
        }
        _nextDeadline = long.MaxValue;
    }

    public void OnDns(in PacketContext context, DnsMessage message)
    {
    }

    public void OnTlsClientHello(in PacketContext context, ClientHello hello)
    {
    }

    public void OnHttpRequest(in PacketContext context, HttpRequestHead request)
    {
    }

    /// <summary>The flow's newest <see cref="EvidenceOptions.PacketsBefore"/> live records, oldest first,
    /// in a buffer with room for a few packets that follow.</summary>
    private EvidenceCapture Gather(ulong flowId, long newest, string fileName)
    {
        var count = 0;
        var bytes = 0;
        for (var sequence = newest; count < _history.Length && _ring.IsLive(sequence); sequence = _ring[sequence].Previous)
        {
            ref readonly var record = ref _ring[sequence];
            if (record.FlowId != flowId)
                break;
            _history[count++] = sequence;
            bytes += PcapFormat.RecordHeaderLength + record.Length;
        }
        var linkType = _ring[newest].LinkType;
        var capacity = bytes + (Math.Min(_options.PacketsAfter, InitialFollowUpRoom) * (PcapFormat.RecordHeaderLength + _options.SnapLength));
        var capture = new EvidenceCapture(fileName, flowId, linkType, _options.SnapLength, capacity, _options.PacketsAfter, _now + _followUpMicros);
        for (var i = count - 1; i >= 0; i--)
        {
            ref readonly var record = ref _ring[_history[i]];
            if (record.LinkType != linkType)
                continue;
            _ring.Bytes(record, out var first, out var second);
            capture.Add(record.TimestampMicros, first, second, record.WireLength);
        }
        return capture;
    }

    private void FollowUp(int open, long at, ReadOnlySpan<byte> data, int wireLength, ushort linkType)
    {
        var capture = _open[open]!;
        if (linkType == capture.LinkType)
            capture.Add(at, data, wireLength);
        if (--capture.Remaining > 0)
            return;
        Counters.EndedByCount++;
        Finish(open);
    }

    private int FreeSlot()
    {
        if (_openCount == _open.Length)
            return -1;
        for (var i = 0; i < _open.Length; i++)
        {
            if (_open[i] is null)
                return i;
        }
        return -1;
    }

    private void Finish(int open)
    {
        var capture = _open[open]!;
        _open[open] = null;
        _openCount--;
        var slot = _index.Find(capture.FlowId);
        if (slot >= 0)
            _index[slot].Capture = 0;
        Hand(capture);
    }

    private void Hand(EvidenceCapture capture)
    {
        if (_queue.TryAdd(capture))
        {
            Counters.Queued++;
            Counters.PacketsQueued += capture.Packets;
            return;
        }
        Counters.DroppedQueueFull++;
        capture.Release();
    }
}

using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Packets;
using Edge.Watch.Streams;
using Edge.Watch.Tls;
using Edge.Watch.Transport;

namespace Edge.Watch.Pipeline;

/// <summary>Pulls DNS messages, the TLS ClientHello and HTTP request heads out of TCP flows, in
/// sequence order. Whole messages in one segment are parsed in place; a message that straddles
/// segments is collected in a pooled buffer. A segment bigger than the buffer's free space is taken
/// in two steps: what fits, then the rest in place once the buffer is drained.</summary>
internal sealed class TcpStreamInspector(StreamBufferPool buffers, MessageDispatcher dispatch)
{
    private const ushort DnsPort = 53;

    /// <summary>Segments past a hole tolerated before the hole is taken as lost for good.</summary>
    private const int MaxAheadSegments = 8;

    /// <summary>Parse steps per segment; a 64 KiB segment of minimal DNS frames needs about 4,700.</summary>
    private const int MaxStepsPerSegment = 8192;

    private readonly byte[] _tlsScratch = new byte[ClientHelloReader.MaxHandshakeLength];
    private readonly byte[] _heldScratch = new byte[buffers.BufferSize];

    public void Inspect(ref Flow flow, ref DecodedPacket packet, bool toServer, in PacketContext context)
    {
        var flags = packet.Tcp.Flags;
        if (!toServer && (flags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack))
            TrustServerAck(ref flow.ToServer, packet.Tcp.Acknowledgment);
        ref var stream = ref toServer ? ref flow.ToServer : ref flow.ToClient;
        if (stream.Mode == StreamMode.Done || !StillHolds(ref stream))
            return;
        var syn = (flags & TcpFlags.Syn) != 0;
        if (!Deliver(ref flow, ref stream, toServer, packet.Tcp.Sequence, syn, packet.Payload, context))
            return;
        // The segment may have filled the hole in front of a held one: deliver that too.
        if (stream.Held >= 0 && stream.Mode != StreamMode.Done && !TcpSequence.LessThan(stream.NextSequence, stream.HeldSequence))
        {
            var held = TakeHeld(ref stream);
            Deliver(ref flow, ref stream, toServer, stream.HeldSequence, false, held, context);
        }
    }

    /// <summary>The server's SYN-ACK acknowledges the client's real initial sequence number: a stray
    /// or decoy SYN with another one must not decide where the client's data starts.</summary>
    private static void TrustServerAck(ref StreamState client, uint acknowledgment)
    {
        if (client.Mode != StreamMode.Undecided || client.Buffer >= 0)
            return;
        client.NextSequence = acknowledgment;
        client.HasSequence = true;
    }

    /// <summary>Orders one segment and parses what it completes. False when the segment was not
    /// delivered (a duplicate, or held or dropped ahead of a hole).</summary>
    private bool Deliver(ref Flow flow, ref StreamState stream, bool toServer, uint sequence, bool syn, ReadOnlySpan<byte> segment, in PacketContext context)
    {
        switch (SegmentOrderer.Accept(ref stream, sequence, syn, ref segment))
        {
            case SegmentOrderer.Verdict.Duplicate:
                return false;
            case SegmentOrderer.Verdict.Ahead:
                // A segment ahead of a hole is kept (one per direction) for when the hole fills;
                // only a hole that stays open ends the direction.
                if (stream.Held < 0 && Hold(ref stream, syn ? sequence + 1 : sequence, segment, context.TimestampMicros))
                    return false;
                if (++stream.AheadCount < MaxAheadSegments)
                    return false;
                if (stream.Buffer >= 0 || stream.Mode != StreamMode.Undecided)
                    dispatch.StreamError(StreamError.Gap);
                Stop(ref stream);
                return false;
        }
        stream.AheadCount = 0;
        if (CannotCompleteHead(ref stream, segment))
        {
            buffers.TryAppend(stream.Buffer, segment);
            return true;
        }
        var cursor = new Cursor(segment);
        Absorb(ref stream, ref cursor);
        for (var steps = 0; stream.Mode != StreamMode.Done && HasPending(ref stream, ref cursor); steps++)
        {
            if (steps == MaxStepsPerSegment)
            {
                dispatch.StreamError(StreamError.Overflow);
                Stop(ref stream);
                break;
            }
            if (!Step(ref flow, ref stream, toServer, ref cursor, context))
                break;
        }
        if (stream.Mode == StreamMode.Done)
            Stop(ref stream);
        else
            KeepRest(ref stream, ref cursor, context.TimestampMicros);
        return true;
    }

    private bool Hold(ref StreamState stream, uint sequence, ReadOnlySpan<byte> segment, long nowMicros)
    {
        // Holding is a courtesy: never at the cost of a buffer someone else is using.
        if (segment.IsEmpty || segment.Length > buffers.BufferSize || !buffers.HasFree)
            return false;
        stream.Held = buffers.Rent(nowMicros, out stream.HeldGeneration);
        buffers.TryAppend(stream.Held, segment);
        stream.HeldSequence = sequence;
        return true;
    }

    /// <summary>Copies the held segment out (the pool may hand its buffer to someone else while the
    /// copy is parsed) and releases it.</summary>
    private ReadOnlySpan<byte> TakeHeld(ref StreamState stream)
    {
        if (!buffers.Holds(stream.Held, stream.HeldGeneration))
        {
            stream.Held = -1;
            dispatch.StreamError(StreamError.Reclaimed);
            return default;
        }
        var data = buffers.Data(stream.Held);
        data.CopyTo(_heldScratch);
        buffers.Return(stream.Held, stream.HeldGeneration);
        stream.Held = -1;
        return _heldScratch.AsSpan(0, data.Length);
    }

    /// <summary>Returns the flow's buffers to the pool (flow end).</summary>
    public void Release(ref Flow flow)
    {
        Stop(ref flow.ToServer);
        Stop(ref flow.ToClient);
    }

    /// <summary>A held HTTP head only completes with a newline: without one in the segment there is
    /// nothing to parse again (1-byte segments would otherwise rescan the head each time).</summary>
    private bool CannotCompleteHead(ref StreamState stream, ReadOnlySpan<byte> segment) =>
        stream.Mode == StreamMode.Http && stream.Buffer >= 0 && stream.SkipRemaining == 0
        && buffers.Data(stream.Buffer).Length + segment.Length < HttpRequestHeadReader.MaxHeadLength
        && segment.Length <= buffers.Space(stream.Buffer)
        && !segment.Contains((byte)'\n');

    /// <summary>One parse over the pending bytes. False when more bytes are needed.</summary>
    private bool Step(ref Flow flow, ref StreamState stream, bool toServer, ref Cursor cursor, in PacketContext context)
    {
        if (stream.SkipRemaining > 0)
        {
            Skip(ref stream, ref cursor);
            return true;
        }
        var data = Pending(ref stream, ref cursor);
        if (stream.Mode == StreamMode.Undecided)
        {
            stream.Mode = Decide(ref flow, toServer, data);
            return stream.Mode != StreamMode.Undecided;
        }
        int consumed;
        bool more;
        switch (stream.Mode)
        {
            case StreamMode.Dns:
                flow.App = AppProtocol.Dns;
                more = Dns(ref stream, data, context, out consumed);
                break;
            case StreamMode.TlsHello:
                flow.App = AppProtocol.Tls;
                more = Tls(ref stream, data, context, out consumed);
                break;
            default:
                flow.App = AppProtocol.Http;
                more = Http(ref stream, data, context, out consumed);
                break;
        }
        Advance(ref stream, ref cursor, consumed);
        return !more;
    }

    private static StreamMode Decide(ref Flow flow, bool toServer, ReadOnlySpan<byte> first)
    {
        if (flow.ServerPort == DnsPort || flow.ClientPort == DnsPort)
            return StreamMode.Dns;
        if (!toServer)
            return StreamMode.Done;
        if (ClientHelloReader.LooksLikeHandshake(first))
            return StreamMode.TlsHello;
        if (HttpRequestHeadReader.LooksLikeRequest(first))
            return StreamMode.Http;
        // A first segment of a byte or two (a DPI-evasion trick) decides nothing yet.
        if (ClientHelloReader.CouldBeHandshakePrefix(first) || HttpRequestHeadReader.CouldBeRequestPrefix(first))
            return StreamMode.Undecided;
        return StreamMode.Done;
    }

    private bool Dns(ref StreamState stream, ReadOnlySpan<byte> data, in PacketContext context, out int consumed)
    {
        consumed = 0;
        var status = DnsTcpFraming.TryReadFrame(data, out var message, out var frame, out var error);
        switch (status)
        {
            case ParseStatus.Done:
                dispatch.Dns(context, message);
                consumed = frame;
                return false;
            case ParseStatus.Malformed:
                dispatch.DnsError(error);
                Stop(ref stream);
                return false;
        }
        if (DnsTcpFraming.TryPeekLength(data, out var length) && length + 2 > buffers.BufferSize)
        {
            // Too big to hold: count it and skip the frame, the next one is still read.
            dispatch.StreamError(StreamError.Overflow);
            stream.SkipRemaining = length + 2;
            return false;
        }
        return true;
    }

    private bool Tls(ref StreamState stream, ReadOnlySpan<byte> data, in PacketContext context, out int consumed)
    {
        consumed = 0;
        var status = ClientHelloReader.TryParse(data, _tlsScratch, out var hello, out var error);
        if (status == ParseStatus.NeedMore)
            return !BufferFull(ref stream, data);
        if (status == ParseStatus.Done)
            dispatch.Tls(context, hello);
        else
            dispatch.TlsError(error);
        Stop(ref stream);
        return false;
    }

    private bool Http(ref StreamState stream, ReadOnlySpan<byte> data, in PacketContext context, out int consumed)
    {
        consumed = 0;
        if (!HttpRequestHeadReader.LooksLikeRequest(data))
        {
            if (HttpRequestHeadReader.CouldBeRequestPrefix(data))
                return true;
            if (stream.HttpFramingLost)
            {
                consumed = data.Length; // chunked body: a new request is only looked for at a segment start
                return false;
            }
            // Framing says a request starts here and none does: an upgrade, a tunnel, or not HTTP.
            Stop(ref stream);
            return false;
        }
        var status = HttpRequestHeadReader.TryParse(data, out var head, out consumed, out var error);
        if (status == ParseStatus.NeedMore)
            return !BufferFull(ref stream, data);
        if (status == ParseStatus.Malformed)
        {
            dispatch.HttpError(error);
            Stop(ref stream);
            return false;
        }
        dispatch.Http(context, head);
        if (head.Method.SequenceEqual("CONNECT"u8))
        {
            // What follows a CONNECT is a tunnel, usually TLS: look at it afresh.
            stream.Mode = StreamMode.Undecided;
            return false;
        }
        var body = head.BodyLength;
        stream.HttpFramingLost = body < 0;
        if (body < 0)
            consumed = data.Length;
        else
            stream.SkipRemaining = body;
        return false;
    }

    /// <summary>True (the message is given up and counted) when a full buffer still holds no whole message.</summary>
    private bool BufferFull(ref StreamState stream, ReadOnlySpan<byte> data)
    {
        if (data.Length < buffers.BufferSize)
            return false;
        dispatch.StreamError(StreamError.Overflow);
        Stop(ref stream);
        return true;
    }

    /// <summary>The bytes a parser sees: the buffer while one is held, otherwise the segment.</summary>
    private ReadOnlySpan<byte> Pending(ref StreamState stream, ref Cursor cursor) =>
        stream.Buffer >= 0 ? buffers.Data(stream.Buffer) : cursor.Rest;

    private bool HasPending(ref StreamState stream, ref Cursor cursor) =>
        !cursor.IsEmpty || (stream.Buffer >= 0 && !buffers.Data(stream.Buffer).IsEmpty);

    /// <summary>With a buffer held, moves as much of the segment into it as fits.</summary>
    private void Absorb(ref StreamState stream, ref Cursor cursor)
    {
        if (stream.Buffer < 0)
            return;
        var take = Math.Min(cursor.Rest.Length, buffers.Space(stream.Buffer));
        buffers.TryAppend(stream.Buffer, cursor.Rest[..take]);
        cursor.Skip(take);
    }

    private void Advance(ref StreamState stream, ref Cursor cursor, int consumed)
    {
        if (stream.Buffer < 0)
        {
            cursor.Skip(consumed);
            return;
        }
        buffers.Consume(stream.Buffer, consumed);
        Refill(ref stream, ref cursor);
    }

    private void Skip(ref StreamState stream, ref Cursor cursor)
    {
        if (stream.Buffer >= 0)
        {
            var held = (int)Math.Min(stream.SkipRemaining, buffers.Data(stream.Buffer).Length);
            buffers.Consume(stream.Buffer, held);
            stream.SkipRemaining -= held;
            Refill(ref stream, ref cursor);
            if (stream.SkipRemaining == 0 || stream.Buffer >= 0)
                return;
        }
        var fromSegment = (int)Math.Min(stream.SkipRemaining, cursor.Rest.Length);
        cursor.Skip(fromSegment);
        stream.SkipRemaining -= fromSegment;
    }

    /// <summary>A drained buffer goes back; a partly drained one takes in more of the segment.</summary>
    private void Refill(ref StreamState stream, ref Cursor cursor)
    {
        if (buffers.Data(stream.Buffer).IsEmpty)
            ReturnBuffer(ref stream);
        else
            Absorb(ref stream, ref cursor);
    }

    /// <summary>An incomplete message left in the segment is copied into a buffer for the next one.</summary>
    private void KeepRest(ref StreamState stream, ref Cursor cursor, long nowMicros)
    {
        if (cursor.IsEmpty || stream.SkipRemaining > 0)
            return;
        if (stream.Buffer < 0)
            stream.Buffer = buffers.Rent(nowMicros, out stream.BufferGeneration);
        Absorb(ref stream, ref cursor);
    }

    private bool StillHolds(ref StreamState stream)
    {
        if (stream.Buffer < 0 || buffers.Holds(stream.Buffer, stream.BufferGeneration))
            return true;
        // Reclaimed for another flow while this one waited: its partial message is gone.
        stream.Buffer = -1;
        dispatch.StreamError(StreamError.Reclaimed);
        stream.Mode = StreamMode.Done;
        return false;
    }

    private void ReturnBuffer(ref StreamState stream)
    {
        if (stream.Buffer < 0)
            return;
        buffers.Return(stream.Buffer, stream.BufferGeneration);
        stream.Buffer = -1;
    }

    private void Stop(ref StreamState stream)
    {
        ReturnBuffer(ref stream);
        if (stream.Held >= 0)
        {
            buffers.Return(stream.Held, stream.HeldGeneration);
            stream.Held = -1;
        }
        stream.Mode = StreamMode.Done;
    }

    /// <summary>The unread part of the current segment.</summary>
    private ref struct Cursor(ReadOnlySpan<byte> segment)
    {
        public ReadOnlySpan<byte> Rest { get; private set; } = segment;

        public readonly bool IsEmpty => Rest.IsEmpty;

        public void Skip(int count) => Rest = Rest[count..];
    }
}

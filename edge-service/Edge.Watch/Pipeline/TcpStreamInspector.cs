using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Packets;
using Edge.Watch.Streams;
using Edge.Watch.Tls;

namespace Edge.Watch.Pipeline;

/// <summary>Pulls DNS messages, the TLS ClientHello and HTTP request heads out of TCP flows. Whole
/// messages in one segment are parsed in place; a message that straddles segments is collected in a
/// pooled buffer until it is complete, overflows, or a gap in the sequence ends the direction.</summary>
internal sealed class TcpStreamInspector(StreamBufferPool buffers, MessageDispatcher dispatch)
{
    private const ushort DnsPort = 53;

    private readonly byte[] _tlsScratch = new byte[ClientHelloReader.MaxHandshakeLength];

    public void Inspect(ref Flow flow, ref DecodedPacket packet, bool toServer, in PacketContext context)
    {
        ref var stream = ref toServer ? ref flow.ToServer : ref flow.ToClient;
        if (stream.Mode == StreamMode.Done)
            return;
        var payload = packet.Payload;
        var syn = (packet.Tcp.Flags & Transport.TcpFlags.Syn) != 0;
        var verdict = SegmentOrderer.Accept(ref stream, packet.Tcp.Sequence, syn, ref payload);
        if (verdict == SegmentOrderer.Verdict.Duplicate)
            return;
        if (verdict == SegmentOrderer.Verdict.Gap)
        {
            // Only a loss inside a message we were collecting is worth counting.
            if (stream.Buffer >= 0 || stream.Mode == StreamMode.Dns)
                dispatch.StreamError(StreamError.Gap);
            Stop(ref stream);
            return;
        }
        if (stream.Mode == StreamMode.Undecided)
            stream.Mode = Decide(ref flow, toServer, payload);
        switch (stream.Mode)
        {
            case StreamMode.Dns:
                flow.App = AppProtocol.Dns;
                InspectDns(ref stream, payload, context);
                break;
            case StreamMode.TlsHello:
                flow.App = AppProtocol.Tls;
                InspectTls(ref stream, payload, context);
                break;
            case StreamMode.Http:
                flow.App = AppProtocol.Http;
                InspectHttp(ref stream, payload, context);
                break;
        }
    }

    /// <summary>Returns the flow's buffers to the pool (flow end).</summary>
    public void Release(ref Flow flow)
    {
        Stop(ref flow.ToServer);
        Stop(ref flow.ToClient);
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
        return StreamMode.Done;
    }

    private void InspectDns(ref StreamState stream, ReadOnlySpan<byte> payload, in PacketContext context)
    {
        if (stream.SkipRemaining > 0)
        {
            var skip = Math.Min(stream.SkipRemaining, payload.Length);
            stream.SkipRemaining -= skip;
            payload = payload[skip..];
        }
        if (payload.IsEmpty)
            return;
        if (stream.Buffer < 0)
        {
            var consumed = DispatchDnsFrames(ref stream, payload, context);
            if (stream.Mode == StreamMode.Done || consumed == payload.Length)
                return;
            Keep(ref stream, payload[consumed..]);
            return;
        }
        if (!Append(ref stream, payload))
            return;
        var used = DispatchDnsFrames(ref stream, buffers.Data(stream.Buffer), context);
        if (stream.Mode == StreamMode.Done)
            return;
        buffers.Consume(stream.Buffer, used);
        if (buffers.Data(stream.Buffer).IsEmpty)
            ReturnBuffer(ref stream);
    }

    /// <summary>Dispatches every whole frame; returns the bytes used. A frame longer than a buffer is skipped.</summary>
    private int DispatchDnsFrames(ref StreamState stream, ReadOnlySpan<byte> data, in PacketContext context)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            var status = DnsTcpFraming.TryReadFrame(data[offset..], out var message, out var consumed);
            if (status == ParseStatus.Done)
            {
                dispatch.Dns(context, message);
                offset += consumed;
                continue;
            }
            if (status == ParseStatus.Malformed)
            {
                dispatch.DnsError(DnsError.ZeroLengthTcpFrame);
                Stop(ref stream);
                return offset;
            }
            if (DnsTcpFraming.TryPeekLength(data[offset..], out var length) && length + 2 > buffers.BufferSize)
            {
                dispatch.StreamError(StreamError.Overflow);
                stream.SkipRemaining = length + 2 - (data.Length - offset);
                return data.Length;
            }
            break;
        }
        return offset;
    }

    private void InspectTls(ref StreamState stream, ReadOnlySpan<byte> payload, in PacketContext context)
    {
        if (!Gather(ref stream, ref payload))
            return;
        var status = ClientHelloReader.TryParse(payload, _tlsScratch, out var hello, out var error);
        switch (status)
        {
            case ParseStatus.NeedMore:
                AwaitMore(ref stream, payload);
                return;
            case ParseStatus.Done:
                dispatch.Tls(context, hello);
                break;
            case ParseStatus.Malformed:
                dispatch.TlsError(error);
                break;
        }
        Stop(ref stream);
    }

    private void InspectHttp(ref StreamState stream, ReadOnlySpan<byte> payload, in PacketContext context)
    {
        // Between requests, a segment that does not start a request head is a body.
        if (stream.Buffer < 0 && !HttpRequestHeadReader.LooksLikeRequest(payload))
            return;
        if (!Gather(ref stream, ref payload))
            return;
        var status = HttpRequestHeadReader.TryParse(payload, out var head, out _, out var error);
        switch (status)
        {
            case ParseStatus.NeedMore:
                AwaitMore(ref stream, payload);
                return;
            case ParseStatus.Done:
                dispatch.Http(context, head);
                ReturnBuffer(ref stream); // what follows the head is a body or the next request
                return;
            default:
                dispatch.HttpError(error);
                Stop(ref stream);
                return;
        }
    }

    /// <summary>The bytes to parse: the segment alone, or everything the direction holds once the
    /// segment is appended. False when the message outgrew its buffer (the direction is stopped).</summary>
    private bool Gather(ref StreamState stream, ref ReadOnlySpan<byte> payload)
    {
        if (stream.Buffer < 0)
            return true;
        if (!Append(ref stream, payload))
            return false;
        payload = buffers.Data(stream.Buffer);
        return true;
    }

    /// <summary>An incomplete message: hold its bytes, unless the buffer already does.</summary>
    private void AwaitMore(ref StreamState stream, ReadOnlySpan<byte> payload)
    {
        if (stream.Buffer < 0)
            Keep(ref stream, payload);
    }

    private void Keep(ref StreamState stream, ReadOnlySpan<byte> bytes)
    {
        stream.Buffer = buffers.Rent();
        if (stream.Buffer < 0)
        {
            dispatch.StreamError(StreamError.NoBuffer);
            Stop(ref stream);
            return;
        }
        Append(ref stream, bytes);
    }

    private bool Append(ref StreamState stream, ReadOnlySpan<byte> bytes)
    {
        if (buffers.TryAppend(stream.Buffer, bytes))
            return true;
        dispatch.StreamError(StreamError.Overflow);
        Stop(ref stream);
        return false;
    }

    private void ReturnBuffer(ref StreamState stream)
    {
        if (stream.Buffer < 0)
            return;
        buffers.Return(stream.Buffer);
        stream.Buffer = -1;
    }

    private void Stop(ref StreamState stream)
    {
        ReturnBuffer(ref stream);
        stream.Mode = StreamMode.Done;
    }
}

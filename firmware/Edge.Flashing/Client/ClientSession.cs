using Edge.Flashing.Framing;
using Edge.Flashing.Messages;

namespace Edge.Flashing.Client;

/// <summary>One connection's worth of the flash: Hello, Begin, the data window, End, Result.</summary>
internal sealed class ClientSession(
    FlashClientOptions options, ClientConnection connection, Stream bundle, TransferKind kind, byte[] sha256, TransferTally tally, IProgress<FlashProgress>? progress)
{
    public async Task<FlashResult> RunAsync(CancellationToken cancellationToken)
    {
        var hello = await HelloAsync(cancellationToken).ConfigureAwait(false);
        int payload = Math.Min(Math.Min(options.MaxPayload, hello.MaxPayload), FrameLayout.MaxPayload);
        int chunk = payload - OffsetMessage.OffsetLength;
        if (chunk <= 0)
            throw new FlashException(StatusCode.IncompatibleProtocol, $"the sensor's frames are too small ({hello.MaxPayload} bytes)");
        long start = await BeginAsync(cancellationToken).ConfigureAwait(false);
        tally.ResumedFrom ??= start;
        await SendAllAsync(start, chunk, cancellationToken).ConfigureAwait(false);
        var result = await EndAsync(cancellationToken).ConfigureAwait(false);
        return new FlashResult(result.Installed, result.Code, result.Text, tally.BundleBytes, tally.ResumedFrom ?? 0,
            tally.BytesSent, tally.BytesResent, tally.Reconnects, tally.Elapsed);
    }

    private async Task<HelloMessage> HelloAsync(CancellationToken cancellationToken)
    {
        var hello = new HelloMessage(HelloMessage.CurrentProtocol, (ushort)options.MaxPayload, options.SoftwareVersion, "", "");
        int n = hello.Write(connection.Link.PayloadBuffer.Span);
        var reply = await RequestAsync(FrameType.Hello, n, FrameType.HelloAck, cancellationToken).ConfigureAwait(false);
        var theirs = reply.Hello!;
        if (theirs.ProtocolVersion != HelloMessage.CurrentProtocol)
            throw new FlashException(StatusCode.IncompatibleProtocol, $"the sensor speaks protocol {theirs.ProtocolVersion}, this tool {HelloMessage.CurrentProtocol}");
        return theirs;
    }

    private async Task<long> BeginAsync(CancellationToken cancellationToken)
    {
        int n = new BeginMessage(tally.BundleBytes, sha256, Resume: true, kind).Write(connection.Link.PayloadBuffer.Span);
        var reply = await RequestAsync(FrameType.Begin, n, FrameType.BeginAck, cancellationToken).ConfigureAwait(false);
        if (reply.Offset > tally.BundleBytes)
            throw new FlashException(StatusCode.BadRequest, $"the sensor resumes at {reply.Offset}, past the bundle's {tally.BundleBytes} bytes");
        return reply.Offset;
    }

    private async Task<StatusMessage> EndAsync(CancellationToken cancellationToken)
    {
        sha256.CopyTo(connection.Link.PayloadBuffer.Span);
        await RequestAsync(FrameType.End, sha256.Length, FrameType.Ack, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // The sensor is hashing and installing: no resends now, just a long wait.
            var reply = await connection.ReceiveAsync(options.ResultTimeout, cancellationToken).ConfigureAwait(false)
                ?? throw new FlashException(StatusCode.InstallFailed, $"no Result within {options.ResultTimeout.TotalSeconds:0} s of End");
            ThrowOnError(reply);
            if (reply.Type == FrameType.Result)
                return reply.Status!;
        }
    }

    /// <summary>
    /// Go-back-N: up to WindowFrames data frames in flight, cumulative acks. A Nak or a silent
    /// timeout rewinds to the sensor's next expected offset. Naks answering frames sent before the
    /// last rewind are ignored (the sensor Naks every out-of-order frame of the old window).
    /// </summary>
    private async Task SendAllAsync(long start, int chunk, CancellationToken cancellationToken)
    {
        long acked = start, next = start, size = tally.BundleBytes;
        long window = (long)chunk * Math.Max(1, options.WindowFrames);
        uint rewoundAt = 0;
        var timeout = options.InitialRetransmitTimeout;
        int silent = 0;
        while (acked < size)
        {
            while (next < size && next - acked < window)
            {
                int n = (int)Math.Min(chunk, size - next);
                uint sequence = await SendDataAsync(next, n, cancellationToken).ConfigureAwait(false);
                if (rewoundAt == uint.MaxValue)
                    rewoundAt = sequence;
                next += n;
            }
            var reply = await connection.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false);
            if (reply is not { } r)
            {
                if (++silent > options.MaxRetransmits)
                    throw new LinkLostException($"no answer to data after {options.MaxRetransmits} resends");
                timeout = TimeSpan.FromTicks(Math.Min(timeout.Ticks * 2, options.MaxRetransmitTimeout.Ticks));
                next = acked;
                rewoundAt = uint.MaxValue;
                continue;
            }
            ThrowOnError(r);
            if (r.Type is not (FrameType.Ack or FrameType.Nak) || r.Offset > size)
                continue;
            if (r.Offset > acked)
            {
                tally.Progressed(r.Offset - acked);
                acked = r.Offset;
                next = Math.Max(next, acked);
                silent = 0;
                timeout = options.InitialRetransmitTimeout;
                progress?.Report(tally.Progress(acked));
            }
            if (r.Type == FrameType.Nak && rewoundAt != uint.MaxValue && r.Sequence >= rewoundAt && r.Offset < next)
            {
                next = r.Offset;
                rewoundAt = uint.MaxValue;
            }
        }
    }

    private async Task<uint> SendDataAsync(long offset, int length, CancellationToken cancellationToken)
    {
        var payload = connection.Link.PayloadBuffer;
        OffsetMessage.WriteOffset(offset, payload.Span);
        bundle.Position = offset;
        bundle.ReadExactly(payload.Span.Slice(OffsetMessage.OffsetLength, length));
        tally.Sent(offset, length);
        return await connection.SendAsync(FrameType.Data, OffsetMessage.OffsetLength + length, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request and waits for its answer, resending with exponential backoff.</summary>
    private async Task<Reply> RequestAsync(FrameType type, int payloadLength, FrameType answer, CancellationToken cancellationToken)
    {
        var timeout = options.InitialRetransmitTimeout;
        uint first = 0;
        for (int attempt = 0; attempt <= options.MaxRetransmits; attempt++)
        {
            // The payload stays in the link's buffer between attempts: nothing else sends meanwhile.
            uint sequence = await connection.SendAsync(type, payloadLength, cancellationToken).ConfigureAwait(false);
            if (attempt == 0)
                first = sequence;
            while (await connection.ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false) is { } reply)
            {
                ThrowOnError(reply);
                // An answer to an earlier attempt of this request is as good as one to this attempt.
                if (reply.Type == answer && reply.Sequence >= first && reply.Sequence <= sequence)
                    return reply;
            }
            timeout = TimeSpan.FromTicks(Math.Min(timeout.Ticks * 2, options.MaxRetransmitTimeout.Ticks));
        }
        throw new LinkLostException($"no {answer} after {options.MaxRetransmits} resends of {type}");
    }

    private static void ThrowOnError(Reply reply)
    {
        // The sensor restarted and forgot the transfer: say Hello and Begin again, it resumes from its state file.
        if (reply.Type == FrameType.Error && reply.Status!.Code == StatusCode.NoTransfer)
            throw new LinkLostException("the sensor has no transfer open (restarted?)");
        if (reply.Type is FrameType.Error or FrameType.Abort)
            throw new FlashException(reply.Status!.Code, $"sensor sent {reply.Type}: {reply.Status.Text}");
    }
}

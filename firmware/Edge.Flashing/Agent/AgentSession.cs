using Edge.Flashing.Framing;
using Edge.Flashing.Messages;
using Edge.Flashing.Transport;

namespace Edge.Flashing.Agent;

/// <summary>One connection: reads a frame, answers it, and only ever writes data that arrived whole and in order.</summary>
internal sealed class AgentSession(
    FlashAgentOptions options,
    Stream stream,
    Func<FlashPayload, CancellationToken, Task<FlashOutcome>> install,
    FlashAgentCounters counters,
    TimeProvider time)
{
    private readonly FrameLink _link = new(stream, options.SendTimeout, time);
    private StagingTransfer? _transfer;
    private uint _lastGoodSequence;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var read = await _link.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (read.Kind == LinkReadKind.EndOfStream)
                    break;
                if (read.Kind == LinkReadKind.Malformed)
                {
                    counters.Malformed();
                    // The damaged frame's offset is unknown; ask again from the next expected one.
                    if (_transfer is not null)
                        await NakAsync(NakReason.Corrupt, _lastGoodSequence, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                _lastGoodSequence = read.Sequence;
                await HandleAsync(read, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The link went away (cable pulled: System.IO.Ports reports a vanished PTY as a closed
            // port, a USB gadget as an I/O error): keep what we have for the next Begin.
        }
        finally
        {
            if (_transfer is not null)
                Report(FlashActivity.Idle);
            if (cancellationToken.IsCancellationRequested)
                _transfer?.Dispose();
            else
                Suspend();
        }
    }

    private Task HandleAsync(LinkRead read, CancellationToken cancellationToken) => read.Type switch
    {
        FrameType.Hello => HelloAsync(read, cancellationToken),
        FrameType.Begin => BeginAsync(read, cancellationToken),
        FrameType.Data => DataAsync(read, cancellationToken),
        FrameType.End => EndAsync(read, cancellationToken),
        FrameType.Abort => AbortAsync(),
        _ => Task.CompletedTask,
    };

    private async Task HelloAsync(LinkRead read, CancellationToken cancellationToken)
    {
        if (!HelloMessage.TryRead(read.Payload.Span, out var hello) || hello is null)
        {
            await ErrorAsync(StatusCode.BadRequest, "malformed Hello", read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (hello.ProtocolVersion != HelloMessage.CurrentProtocol)
        {
            await ErrorAsync(StatusCode.IncompatibleProtocol, $"sensor speaks protocol {HelloMessage.CurrentProtocol}, laptop {hello.ProtocolVersion}", read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        var mine = new HelloMessage(HelloMessage.CurrentProtocol, (ushort)Math.Min(options.MaxPayload, FrameLayout.MaxPayload),
            options.SoftwareVersion, options.Board, options.SensorId);
        int n = mine.Write(_link.PayloadBuffer.Span);
        await _link.SendAsync(FrameType.HelloAck, n, cancellationToken, read.Sequence).ConfigureAwait(false);
    }

    private async Task BeginAsync(LinkRead read, CancellationToken cancellationToken)
    {
        if (!BeginMessage.TryRead(read.Payload.Span, out var begin) || begin is null)
        {
            await ErrorAsync(StatusCode.BadRequest, "malformed Begin", read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        var limit = begin.Kind == TransferKind.Provisioning ? options.MaxProvisioningBytes : options.MaxBundleBytes;
        if (begin.BundleSize > limit)
        {
            await ErrorAsync(StatusCode.BundleTooLarge, $"{Describe(begin.Kind)} of {begin.BundleSize} bytes exceeds {limit}", read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        Suspend();
        try
        {
            _transfer = StagingTransfer.Open(StagingFor(begin.Kind), begin, options.SyncEveryBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await ErrorAsync(StatusCode.StorageFailed, e.Message, read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        Report(FlashActivity.Receiving);
        int n = OffsetMessage.WriteOffset(_transfer.Expected, _link.PayloadBuffer.Span);
        await _link.SendAsync(FrameType.BeginAck, n, cancellationToken, read.Sequence).ConfigureAwait(false);
    }

    private async Task DataAsync(LinkRead read, CancellationToken cancellationToken)
    {
        var transfer = _transfer;
        if (transfer is null)
        {
            await ErrorAsync(StatusCode.NoTransfer, "Data before Begin", read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!OffsetMessage.TryRead(read.Payload.Span, out long offset, out _))
        {
            await NakAsync(NakReason.Corrupt, read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (offset > transfer.Expected)
        {
            await NakAsync(NakReason.OutOfOrder, read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (offset == transfer.Expected)
        {
            var bytes = read.Payload[OffsetMessage.OffsetLength..];
            if (offset + bytes.Length > transfer.Begin.BundleSize)
            {
                await NakAsync(NakReason.BeyondEnd, read.Sequence, cancellationToken).ConfigureAwait(false);
                return;
            }
            try
            {
                transfer.Write(bytes.Span);
                counters.Written(bytes.Length);
                Report(FlashActivity.Receiving);
            }
            catch (IOException e)
            {
                transfer.Dispose();
                _transfer = null;
                await ErrorAsync(StatusCode.StorageFailed, e.Message, read.Sequence, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        // A duplicate (offset below Expected) is answered too, never written: its ack may have been lost.
        await AckAsync(transfer.Expected, read.Sequence, cancellationToken).ConfigureAwait(false);
    }

    private async Task EndAsync(LinkRead read, CancellationToken cancellationToken)
    {
        var transfer = _transfer;
        if (transfer is null)
        {
            await ErrorAsync(StatusCode.NoTransfer, "End without a transfer", read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        // Ack(size) tells the laptop End arrived, so it waits for Result instead of resending End while we verify and install.
        await AckAsync(transfer.Expected, read.Sequence, cancellationToken).ConfigureAwait(false);
        if (transfer.Expected != transfer.Begin.BundleSize || read.Payload.Length < 32)
        {
            await ResultAsync(new FlashOutcome(false, StatusCode.Incomplete, $"have {transfer.Expected} of {transfer.Begin.BundleSize} bytes"), read.Sequence, cancellationToken).ConfigureAwait(false);
            return;
        }
        _transfer = null;
        Report(FlashActivity.Installing);
        var hash = transfer.FinishAndHash();
        FlashOutcome outcome;
        if (!hash.AsSpan().SequenceEqual(transfer.Begin.Sha256) || !hash.AsSpan().SequenceEqual(read.Payload.Span[..32]))
            outcome = new FlashOutcome(false, StatusCode.HashMismatch, $"{Describe(transfer.Begin.Kind)} SHA-256 does not match");
        else
            outcome = await InstallAsync(new FlashPayload(transfer.Begin.Kind, transfer.PartPath), cancellationToken).ConfigureAwait(false);
        transfer.Discard();
        Report(outcome.Installed ? FlashActivity.Installed : FlashActivity.Refused, outcome.Message);
        await ResultAsync(outcome, read.Sequence, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A provisioning set stages apart, so sending one never discards a half-received bundle
    /// that a rerun of the same <c>edgectl flash --provision … BUNDLE</c> would resume.</summary>
    private string StagingFor(TransferKind kind) =>
        kind == TransferKind.Provisioning ? Path.Combine(options.StagingDirectory, "provisioning") : options.StagingDirectory;

    private static string Describe(TransferKind kind) => kind == TransferKind.Provisioning ? "provisioning set" : "bundle";

    private async Task<FlashOutcome> InstallAsync(FlashPayload payload, CancellationToken cancellationToken)
    {
        try
        {
            return await install(payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new FlashOutcome(false, StatusCode.InstallFailed, e.Message);
        }
    }

    private void Report(FlashActivity activity, string? message = null) => options.Activity?.Invoke(activity, message);

    private Task AbortAsync()
    {
        Suspend();
        return Task.CompletedTask;
    }

    private void Suspend()
    {
        var transfer = _transfer;
        _transfer = null;
        try
        {
            transfer?.Suspend();
        }
        catch (IOException)
        {
            // The state file keeps its last good offset; the next Begin resumes from there.
        }
    }

    private async Task AckAsync(long expected, uint inReplyTo, CancellationToken cancellationToken)
    {
        int n = OffsetMessage.WriteOffset(expected, _link.PayloadBuffer.Span);
        await _link.SendAsync(FrameType.Ack, n, cancellationToken, inReplyTo).ConfigureAwait(false);
    }

    private async Task NakAsync(NakReason reason, uint inReplyTo, CancellationToken cancellationToken)
    {
        counters.Nak();
        int n = OffsetMessage.WriteNak(_transfer?.Expected ?? 0, reason, _link.PayloadBuffer.Span);
        await _link.SendAsync(FrameType.Nak, n, cancellationToken, inReplyTo).ConfigureAwait(false);
    }

    private async Task ResultAsync(FlashOutcome outcome, uint inReplyTo, CancellationToken cancellationToken)
    {
        int n = new StatusMessage(outcome.Installed, outcome.Code, outcome.Message).Write(_link.PayloadBuffer.Span);
        await _link.SendAsync(FrameType.Result, n, cancellationToken, inReplyTo).ConfigureAwait(false);
    }

    private async Task ErrorAsync(ushort code, string message, uint inReplyTo, CancellationToken cancellationToken)
    {
        int n = new StatusMessage(false, code, message).Write(_link.PayloadBuffer.Span);
        await _link.SendAsync(FrameType.Error, n, cancellationToken, inReplyTo).ConfigureAwait(false);
    }
}

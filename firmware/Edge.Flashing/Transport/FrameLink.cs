using Edge.Flashing.Framing;

namespace Edge.Flashing.Transport;

/// <summary>
/// Frames over any byte stream (a serial port, a pipe, a socket). One reader and one writer may
/// use it at the same time; buffers are allocated once, so steady-state traffic allocates nothing.
/// A frame the stream has not taken within <c>sendTimeout</c> fails the send with an
/// <see cref="IOException"/>: a port nobody drains (the other end hung, or a device node that is
/// no longer the cable) is a lost link, never a stalled sender. The caller must then drop the link.
/// </summary>
public sealed class FrameLink(Stream stream, TimeSpan sendTimeout, TimeProvider time)
{
    public FrameLink(Stream stream)
        : this(stream, Timeout.InfiniteTimeSpan, TimeProvider.System)
    {
    }

    // Room for a few whole frames so one read from the port rarely splits the last frame.
    private readonly byte[] _rx = new byte[FrameLayout.MaxWireLength * 4];
    private readonly byte[] _rxBody = new byte[FrameLayout.MaxBodyLength];
    private readonly byte[] _txBody = new byte[FrameLayout.MaxBodyLength];
    private readonly byte[] _txWire = new byte[FrameLayout.MaxWireLength];
    private readonly byte[] _payload = new byte[FrameLayout.MaxPayload];
    private int _rxStart;
    private int _rxEnd;
    private uint _sequence;

    public Stream Stream { get; } = stream;

    /// <summary>Where a sender writes the next frame's payload before calling <see cref="SendAsync"/>.</summary>
    public Memory<byte> PayloadBuffer => _payload;

    public long MalformedFrames { get; private set; }

    /// <summary>The last sequence this side used. A client carries it across reconnects so answers meant for an earlier connection are told apart.</summary>
    public uint Sequence
    {
        get => _sequence;
        set => _sequence = value;
    }

    /// <summary>Sends a frame whose payload is the first <paramref name="payloadLength"/> bytes of <see cref="PayloadBuffer"/>.</summary>
    /// <param name="inReplyTo">The sequence to echo when answering a frame; otherwise the next of our own.</param>
    /// <returns>The sequence the frame carried.</returns>
    public async ValueTask<uint> SendAsync(FrameType type, int payloadLength, CancellationToken cancellationToken, uint? inReplyTo = null)
    {
        uint sequence = inReplyTo ?? ++_sequence;
        int length = FrameWriter.Write(type, sequence, _payload.AsSpan(0, payloadLength), _txBody, _txWire);
        var write = WriteWireAsync(length, cancellationToken);
        if (write.IsCompletedSuccessfully || sendTimeout == Timeout.InfiniteTimeSpan)
        {
            await write.ConfigureAwait(false);
            return sequence;
        }
        try
        {
            await write.AsTask().WaitAsync(sendTimeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new IOException($"the port took no {type} frame within {sendTimeout.TotalSeconds:0.#} s", e);
        }
        return sequence;
    }

    private async ValueTask WriteWireAsync(int length, CancellationToken cancellationToken)
    {
        await Stream.WriteAsync(_txWire.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        await Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next frame or malformed run; <see cref="LinkReadKind.EndOfStream"/> when the stream ends.</summary>
    public async ValueTask<LinkRead> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryTake(out var read))
                return read;
            if (_rxEnd == _rx.Length)
                Compact();
            int n = await Stream.ReadAsync(_rx.AsMemory(_rxEnd), cancellationToken).ConfigureAwait(false);
            if (n == 0)
                return new LinkRead(LinkReadKind.EndOfStream, default, 0, default, FrameError.None);
            _rxEnd += n;
        }
    }

    private bool TryTake(out LinkRead read)
    {
        read = default;
        while (_rxEnd > _rxStart)
        {
            var status = FrameReader.TryReadFrame(_rx.AsSpan(_rxStart, _rxEnd - _rxStart), _rxBody, out var frame, out int consumed, out var error);
            _rxStart += consumed;
            switch (status)
            {
                case FrameStatus.Complete:
                    read = new LinkRead(LinkReadKind.Frame, frame.Type, frame.Sequence, _rxBody.AsMemory(FrameLayout.HeaderLength, frame.Payload.Length), FrameError.None);
                    return true;
                case FrameStatus.Malformed:
                    MalformedFrames++;
                    read = new LinkRead(LinkReadKind.Malformed, default, 0, default, error);
                    return true;
                default:
                    Compact();
                    return false;
            }
        }
        _rxStart = _rxEnd = 0;
        return false;
    }

    private void Compact()
    {
        int held = _rxEnd - _rxStart;
        _rx.AsSpan(_rxStart, held).CopyTo(_rx);
        _rxStart = 0;
        _rxEnd = held;
    }
}

using System.Threading.Channels;
using Edge.Flashing.Framing;
using Edge.Flashing.Transport;

namespace Edge.Flashing.Client;

/// <summary>One open port: a receive loop turns frames into <see cref="Reply"/>s so the sender can wait with a timeout.</summary>
internal sealed class ClientConnection : IAsyncDisposable
{
    private readonly Channel<Reply> _replies = Channel.CreateUnbounded<Reply>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private readonly TimeProvider _time;
    private readonly uint _firstSequence;

    public ClientConnection(Stream stream, uint lastSequence, TimeSpan sendTimeout, TimeProvider time)
    {
        Link = new FrameLink(stream, sendTimeout, time) { Sequence = lastSequence };
        _firstSequence = lastSequence + 1;
        _time = time;
        _receiving = Task.Run(ReceiveAsync);
    }

    public FrameLink Link { get; }

    /// <summary>Sends from <see cref="FrameLink.PayloadBuffer"/>; a port that fails or vanishes is a lost link.</summary>
    public async ValueTask<uint> SendAsync(FrameType type, int payloadLength, CancellationToken cancellationToken)
    {
        try
        {
            return await Link.SendAsync(type, payloadLength, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            throw new LinkLostException("the port failed", e);
        }
    }

    /// <summary>The next reply, or null after <paramref name="timeout"/>; throws <see cref="LinkLostException"/> when the port is gone.</summary>
    public async ValueTask<Reply?> ReceiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_replies.Reader.TryRead(out var ready))
            return ready;
        bool more;
        try
        {
            more = await _replies.Reader.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(timeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        if (!more || !_replies.Reader.TryRead(out var reply))
            throw new LinkLostException("the port closed");
        return reply;
    }

    private async Task ReceiveAsync()
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                var read = await Link.ReadAsync(_stop.Token).ConfigureAwait(false);
                if (read.Kind == LinkReadKind.EndOfStream)
                    break;
                // Sequences only grow over a whole flash: a lower one answers a frame sent on an
                // earlier connection and was left in the port's buffer.
                if (read.Kind == LinkReadKind.Frame && read.Sequence >= _firstSequence && Reply.TryCreate(read, out var reply))
                    _replies.Writer.TryWrite(reply);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            failure = new LinkLostException("the port failed", e);
        }
        _replies.Writer.TryComplete(failure ?? new LinkLostException("the port closed"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        // Closing the port is what unblocks a read that ignores cancellation.
        try { await Link.Stream.DisposeAsync().ConfigureAwait(false); } catch (IOException) { }
        try { await _receiving.ConfigureAwait(false); } catch (Exception e) when (e is IOException or ObjectDisposedException) { }
        _stop.Dispose();
    }
}

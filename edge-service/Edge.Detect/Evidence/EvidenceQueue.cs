using System.Threading.Channels;

namespace Edge.Detect.Evidence;

/// <summary>Finished captures on their way from the capture thread to the one writer. Bounded: when
/// it is full the capture is refused at once (the recorder counts and drops it), never waited for.</summary>
public sealed class EvidenceQueue
{
    private readonly Channel<EvidenceCapture> _channel;

    public EvidenceQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _channel = Channel.CreateBounded<EvidenceCapture>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of blocking or discarding silently.
            SingleReader = true,
            SingleWriter = true,
        });
    }

    public ChannelReader<EvidenceCapture> Reader => _channel.Reader;

    /// <summary>False when full or completed: the caller keeps the capture.</summary>
    public bool TryAdd(EvidenceCapture capture) => _channel.Writer.TryWrite(capture);

    /// <summary>No more captures: the writer drains what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}

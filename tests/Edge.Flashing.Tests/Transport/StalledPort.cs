using Edge.Flashing.Framing;
using Edge.Flashing.Tests.TestSupport;

namespace Edge.Flashing.Tests.Transport;

/// <summary>
/// A port whose other end stopped reading: it hands over <c>inbound</c> once, then reads wait, and
/// no write ever completes until the port is closed, as with a hung laptop or a device node that is
/// no longer the cable.
/// </summary>
internal sealed class StalledPort(byte[] inbound) : TestPort
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _delivered;
    private int _writes;

    public int WritesStarted => Volatile.Read(ref _writes);

    public bool Closed => _closed.Task.IsCompleted;

    public static byte[] Frame(FrameType type, uint sequence, ReadOnlySpan<byte> payload)
    {
        var wire = new byte[FrameLayout.MaxWireLength];
        int n = FrameWriter.Write(type, sequence, payload, new byte[FrameLayout.MaxBodyLength], wire);
        return wire[..n];
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!_delivered && inbound.Length > 0)
        {
            _delivered = true;
            inbound.CopyTo(buffer);
            return inbound.Length;
        }
        await _closed.Task.WaitAsync(cancellationToken);
        return 0;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        await _closed.Task.WaitAsync(cancellationToken);
        throw new ObjectDisposedException(nameof(StalledPort));
    }

    protected override void Dispose(bool disposing)
    {
        _closed.TrySetResult();
        base.Dispose(disposing);
    }
}

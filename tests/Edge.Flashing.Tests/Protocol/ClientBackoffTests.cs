using Edge.Flashing.Client;
using Edge.Flashing.Framing;
using Edge.Flashing.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Flashing.Tests.Protocol;

/// <summary>The client's timers on a fake clock: a sensor that never answers.</summary>
public class ClientBackoffTests
{
    [Fact]
    public async Task Hello_is_resent_with_doubling_waits_and_the_client_gives_up_after_the_budget()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var sends = new List<(TimeSpan At, FrameType Type)>();
        var options = new FlashClientOptions
        {
            InitialRetransmitTimeout = TimeSpan.FromSeconds(1),
            MaxRetransmitTimeout = TimeSpan.FromSeconds(4),
            MaxRetransmits = 4,
            ReconnectBudget = TimeSpan.FromSeconds(20),
        };
        var client = new FlashClient(options, _ => ValueTask.FromResult<Stream>(new SilentPeer(time, sends)), time);
        var flashing = client.FlashAsync(new MemoryStream(new byte[10_000]), null, TestContext.Current.CancellationToken);
        for (int step = 0; step < 2000 && !flashing.IsCompleted; step++)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }
        await Assert.ThrowsAsync<FlashException>(() => flashing);
        var hellos = sends.Where(s => s.Type == FrameType.Hello).Select(s => s.At).ToList();
        // One connection: sends at 0, 1, 3, 7, 11 s (waits 1, 2, 4, 4), then 4 s more of silence.
        var gaps = hellos.Zip(hellos.Skip(1), (a, b) => Math.Round((b - a).TotalSeconds)).Take(5).ToArray();
        Assert.Equal([1, 2, 4, 4, 4], gaps);
        Assert.InRange(hellos[^1].TotalSeconds, 19, 40);
    }

    /// <summary>Records the frames the client writes; reads never return until the stream is closed.</summary>
    private sealed class SilentPeer(FakeTimeProvider time, List<(TimeSpan, FrameType)> sends) : TestPort
    {
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly byte[] _scratch = new byte[FrameLayout.MaxBodyLength];

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _closed.Task.WaitAsync(cancellationToken);
            return 0;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (FrameReader.TryReadFrame(buffer.Span, _scratch, out var frame, out _, out _) == FrameStatus.Complete)
                lock (sends)
                    sends.Add((time.GetUtcNow() - DateTimeOffset.UnixEpoch, frame.Type));
            return ValueTask.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            _closed.TrySetResult();
            base.Dispose(disposing);
        }
    }
}

using Edge.Flashing.Agent;
using Edge.Flashing.Client;
using Edge.Flashing.Framing;
using Edge.Flashing.Messages;
using Edge.Flashing.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Flashing.Tests.Transport;

/// <summary>A port that stops taking bytes is a lost link on both ends, never a sender stuck for good.</summary>
public class StalledPortTests
{
    [Fact]
    public async Task A_frame_the_port_does_not_take_within_the_send_timeout_fails_with_an_io_error()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var port = new StalledPort([]);
        var link = new FrameLink(port, TimeSpan.FromSeconds(3), time);
        var sending = link.SendAsync(FrameType.Hello, 0, TestContext.Current.CancellationToken).AsTask();
        time.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(20, TestContext.Current.CancellationToken);
        Assert.False(sending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.2));
        var failure = await Assert.ThrowsAsync<IOException>(() => sending.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Contains("Hello", failure.Message);
    }

    [Fact]
    public async Task The_client_opens_a_stalled_port_again_and_gives_up_after_its_budget()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var ports = new List<StalledPort>();
        var options = new FlashClientOptions
        {
            InitialRetransmitTimeout = TimeSpan.FromSeconds(1),
            MaxRetransmitTimeout = TimeSpan.FromSeconds(2),
            ReconnectBudget = TimeSpan.FromSeconds(10),
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
        };
        var client = new FlashClient(options, _ =>
        {
            var port = new StalledPort([]);
            lock (ports)
                ports.Add(port);
            return ValueTask.FromResult<Stream>(port);
        }, time);
        var flashing = client.FlashAsync(new MemoryStream(new byte[10_000]), null, TestContext.Current.CancellationToken);
        for (int step = 0; step < 2000 && !flashing.IsCompleted; step++)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }
        var failure = await Assert.ThrowsAsync<FlashException>(() => flashing.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Contains("no progress", failure.Message);
        lock (ports)
        {
            // One stalled Hello per port, each port given up after 2 s and closed: about five in the 10 s budget.
            Assert.InRange(ports.Count, 4, 8);
            Assert.All(ports, p => Assert.Equal(1, p.WritesStarted));
            Assert.All(ports, p => Assert.True(p.Closed));
        }
    }

    [Fact]
    public async Task The_agent_ends_a_session_whose_answers_the_port_does_not_take_and_opens_the_port_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var hello = new byte[256];
        int n = new HelloMessage(HelloMessage.CurrentProtocol, FrameLayout.MaxPayload, "laptop", "", "").Write(hello);
        var ports = new List<StalledPort>();
        var options = new FlashAgentOptions
        {
            StagingDirectory = Path.Combine(Path.GetTempPath(), $"edge-stalled-{Guid.NewGuid():N}"),
            SendTimeout = TimeSpan.FromSeconds(5),
            ReopenDelay = TimeSpan.FromMilliseconds(100),
        };
        var agent = new FlashAgent(options, _ =>
        {
            var port = new StalledPort(StalledPort.Frame(FrameType.Hello, 1, hello.AsSpan(0, n)));
            lock (ports)
                ports.Add(port);
            return ValueTask.FromResult<Stream>(port);
        }, (_, _) => Task.FromResult(FlashOutcome.Success("unused")), time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = agent.RunAsync(stop.Token);
        for (int step = 0; step < 2000 && agent.Counters.Sessions < 3; step++)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.True(agent.Counters.Sessions >= 3, $"{agent.Counters.Sessions} sessions");
        lock (ports)
        {
            Assert.All(ports, p => Assert.Equal(1, p.WritesStarted));  // the HelloAck, never taken
            Assert.All(ports[..^1], p => Assert.True(p.Closed));
        }
    }
}

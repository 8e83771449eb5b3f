using Edge.Flashing.Transport;

namespace Edge.Flashing.Tests.Pty;

public class SerialSmokeTests
{
    [Fact]
    public async Task Bytes_cross_a_pty_pair_opened_as_serial_ports()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        using var dir = new TempDir();
        using var socat = Socat.Pair(dir["a"], dir["b"]);
        await using var a = SerialPortStream.Open(dir["a"]);
        await using var b = SerialPortStream.Open(dir["b"]);
        var sent = Enumerable.Range(0, 10000).Select(i => (byte)i).ToArray();
        await a.WriteAsync(sent, TestContext.Current.CancellationToken);
        var got = new byte[sent.Length];
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(5));
        await b.ReadExactlyAsync(got, cts.Token);
        Assert.Equal(sent, got);
    }

    [Fact]
    public async Task A_read_ends_when_socat_dies()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        using var dir = new TempDir();
        var socat = Socat.Pair(dir["a"], dir["b"]);
        await using var a = SerialPortStream.Open(dir["a"]);
        var read = a.ReadAsync(new byte[16], TestContext.Current.CancellationToken).AsTask();
        await Task.Delay(200, TestContext.Current.CancellationToken);
        socat.Dispose();
        var finished = await Task.WhenAny(read, Task.Delay(5000, TestContext.Current.CancellationToken));
        Assert.Same(read, finished);
        var outcome = await Record.ExceptionAsync(() => read);
        TestContext.Current.TestOutputHelper?.WriteLine(outcome?.ToString() ?? $"returned {await read}");
    }

    [Fact]
    public async Task A_read_ends_when_cancelled()
    {
        Assert.SkipUnless(Socat.Available, "socat is not installed (tools/dev/deps.sh)");
        using var dir = new TempDir();
        using var socat = Socat.Pair(dir["a"], dir["b"]);
        await using var a = SerialPortStream.Open(dir["a"]);
        using var cts = new CancellationTokenSource(300);
        var read = a.ReadAsync(new byte[16], cts.Token).AsTask();
        var finished = await Task.WhenAny(read, Task.Delay(5000, TestContext.Current.CancellationToken));
        Assert.Same(read, finished);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
    }
}

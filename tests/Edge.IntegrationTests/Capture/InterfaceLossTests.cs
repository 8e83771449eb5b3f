using System.Diagnostics;
using Edge.Service.Capture;
using Edge.Service.Configuration;

namespace Edge.IntegrationTests.Capture;

/// <summary>The capture interface going down or away, on a veth pair inside a network namespace
/// the test makes: Read ends with an error that names the interface.</summary>
public class InterfaceLossTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("down", "the interface went down")]
    [InlineData("delete", "disappeared")]
    public void Losing_the_interface_ends_the_capture_with_an_error(string loss, string expected)
    {
        LoopbackCaptureTests.RequireCapturePrivilege();
        if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip"))
            Assert.Skip("needs iproute2's ip command");
        string? error = null;
        var ended = TimeSpan.Zero;
        NetworkNamespace.Run(() =>
        {
            NetworkNamespace.Ip("link", "add", "edge-cap0", "type", "veth", "peer", "name", "edge-cap1");
            NetworkNamespace.Ip("link", "set", "edge-cap0", "up");
            NetworkNamespace.Ip("link", "set", "edge-cap1", "up");
            using var source = LiveInterfaceSource.Open(new CaptureSettings { Interface = "edge-cap0", Promiscuous = false, BufferMiB = 1 });
            Assert.Equal(CaptureRead.Idle, ReadPastFrames(source, TimeSpan.FromSeconds(5)));

            var clock = Stopwatch.StartNew();
            if (loss == "down")
                NetworkNamespace.Ip("link", "set", "edge-cap0", "down");
            else
                NetworkNamespace.Ip("link", "delete", "edge-cap0");
            var read = ReadPastFrames(source, TimeSpan.FromSeconds(10), untilEnd: true);
            ended = clock.Elapsed;
            Assert.Equal(CaptureRead.End, read);
            Assert.Equal(CaptureRead.End, source.Read(out _));
            error = source.Error;
        }, Limit);

        output.WriteLine($"{loss}: End {ended.TotalMilliseconds:F0} ms later, Error: {error}");
        Assert.NotNull(error);
        Assert.StartsWith("interface edge-cap0: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.OrdinalIgnoreCase);
        // Checked on every idle read (about every 100 ms on a quiet interface).
        Assert.True(ended < TimeSpan.FromSeconds(1), $"{ended}");
    }

    /// <summary>Reads past whatever frames come (IPv6 router solicitations on a fresh veth) to the
    /// first Idle, or to End when asked.</summary>
    private static CaptureRead ReadPastFrames(LiveInterfaceSource source, TimeSpan limit, bool untilEnd = false)
    {
        var clock = Stopwatch.StartNew();
        var read = CaptureRead.Frame;
        while (clock.Elapsed < limit)
        {
            read = source.Read(out _);
            if (read == CaptureRead.End || (read == CaptureRead.Idle && !untilEnd))
                break;
        }
        return read;
    }
}

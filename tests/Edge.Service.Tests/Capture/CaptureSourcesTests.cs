using Edge.Service.Capture;
using Edge.Service.Configuration;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.Capture;

public sealed class CaptureSourcesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Without_interface_or_file_the_bundled_sample_plays_at_the_configured_pace()
    {
        var sample = TestCapture.Write(_folder.File("bundled.pcap"), 0);

        using var source = CaptureSources.Open(new CaptureSettings { Pace = CapturePace.Fast }, sample, TimeProvider.System);

        Assert.Equal("file bundled.pcap, fast", source.Description);
    }

    [Fact]
    public void A_configured_file_wins_over_the_sample()
    {
        var sample = TestCapture.Write(_folder.File("bundled.pcap"), 0);
        var file = TestCapture.Write(_folder.File("lab.pcap"), 0);

        using var source = CaptureSources.Open(new CaptureSettings { File = file }, sample, TimeProvider.System);

        Assert.Equal("file lab.pcap, realtime", source.Description);
        Assert.IsType<FileFrameSource>(source);
    }

    [Fact]
    public void A_configured_interface_wins_over_a_file()
    {
        var file = TestCapture.Write(_folder.File("lab.pcap"), 0);
        var settings = new CaptureSettings { Interface = "edge-nosuch0", File = file };

        var e = Assert.Throws<ConfigurationException>(() => CaptureSources.Open(settings, file, TimeProvider.System));

        Assert.Equal("Edge:Capture:Interface", e.Key);
        Assert.Contains("no capture interface 'edge-nosuch0'; available: ", e.Message, StringComparison.Ordinal);
    }
}

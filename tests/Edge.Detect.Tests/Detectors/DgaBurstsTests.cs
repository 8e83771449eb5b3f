using System.Text;
using Edge.Detect.Detectors;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Detectors;

public class DgaBurstsTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void A_burst_is_reported_once_per_window_per_client()
    {
        var bursts = new DgaBursts(new DetectionOptions { DgaBurst = 3, DgaWindowSeconds = 60 });
        var client = IpAddr.Parse("10.77.0.61");
        var reports = 0;
        for (var i = 0; i < 10; i++)
        {
            if (bursts.Add(client, Encoding.ASCII.GetBytes($"x{i}qzv.example"), i * Second, out var samples))
            {
                reports++;
                Assert.Contains("x0qzv.example", samples, StringComparison.Ordinal);
            }
        }
        Assert.Equal(1, reports);
        Assert.False(bursts.Add(IpAddr.Parse("10.77.0.62"), "y.example"u8, 0, out _));
        for (var i = 0; i < 3; i++)
            bursts.Add(client, "late.example"u8, (100 + i) * Second, out _);
        Assert.True(bursts.Add(client, "later.example"u8, 200 * Second, out _) is false);
    }

    [Fact]
    public void A_new_window_can_report_again()
    {
        var bursts = new DgaBursts(new DetectionOptions { DgaBurst = 2, DgaWindowSeconds = 10 });
        var client = IpAddr.Parse("10.77.0.61");
        bursts.Add(client, "a.example"u8, 0, out _);
        Assert.True(bursts.Add(client, "b.example"u8, 1 * Second, out _));
        bursts.Add(client, "c.example"u8, 20 * Second, out _);
        Assert.True(bursts.Add(client, "d.example"u8, 21 * Second, out _));
    }
}

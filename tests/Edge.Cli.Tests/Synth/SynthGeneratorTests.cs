using System.Net;
using System.Text;
using Edge.Cli.Synth;
using Edge.Cli.Synth.Scenario;
using Edge.Cli.Tests.TestSupport;

namespace Edge.Cli.Tests.Synth;

public sealed class SynthGeneratorTests
{
    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not()
    {
        Assert.Equal(Pcaps.Generate(seed: 42), Pcaps.Generate(seed: 42));
        Assert.NotEqual(Pcaps.Generate(seed: 42), Pcaps.Generate(seed: 43));
    }

    [Fact]
    public void Scale_one_stays_small_and_starts_at_start()
    {
        var start = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var pcap = Pcaps.Generate(start: start);
        var frames = Pcaps.Frames(pcap);
        Assert.InRange(pcap.Length, 50_000, 299_999);
        Assert.InRange(frames.Count, 300, 1_500);
        Assert.Equal(start.ToUnixTimeMilliseconds() * 1_000_000, frames[0].TimestampNanos);
        for (var i = 1; i < frames.Count; i++)
            Assert.True(frames[i].TimestampNanos >= frames[i - 1].TimestampNanos, $"frame {i + 1} goes back in time");
    }

    [Fact]
    public void Scale_repeats_the_background()
    {
        var one = Pcaps.Frames(Pcaps.Generate(scale: 1)).Count;
        var three = Pcaps.Frames(Pcaps.Generate(scale: 3)).Count;
        Assert.InRange(three, one + 2 * 150, 3 * one);
    }

    [Fact]
    public void Only_lab_and_documentation_addresses_appear()
    {
        string[] allowed = ["10.77.0.0/24", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"];
        var networks = allowed.Select(IPNetwork.Parse).ToArray();
        foreach (var frame in Pcaps.Frames(Pcaps.Generate(scale: 2)))
        {
            var view = FrameView.Parse(frame.Data);
            foreach (var address in new[] { new IPAddress(view.Source), new IPAddress(view.Destination) })
                Assert.Contains(networks, n => n.Contains(address));
            var client = new IPAddress(view.Source);
            if (IPNetwork.Parse("10.77.0.0/24").Contains(client) || IPNetwork.Parse("2001:db8:77::/64").Contains(client))
                Assert.Equal([0x02, 0x77, 0x00, 0x00, 0x00, 0x01], frame.Data[..6]);
        }
    }

    [Fact]
    public void Every_threat_indicator_is_on_the_wire()
    {
        var text = Encoding.ASCII.GetString(Pcaps.Generate());
        string[] expected =
        [
            "mining.subscribe", "mining.authorize", "mining.submit", SynthScenario.BeaconPath,
            SynthScenario.BeaconHost, SynthScenario.PhishingDomain, "dns", "google",
        ];
        foreach (var needle in expected)
            Assert.Contains(needle, text, StringComparison.Ordinal);
    }
}

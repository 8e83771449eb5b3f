using Edge.Detect.Behaviour;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Behaviour;

public sealed class FanOutCounterTests
{
    private static readonly IpAddr s_source = IpAddr.Parse("10.77.0.41");

    private static IpAddr Target(int i) => IpAddr.FromIPv4(0xC6336400u + (uint)i);

    [Fact]
    public void A_sweep_crosses_once_at_the_threshold_and_repeats_do_not_count()
    {
        var counter = new FanOutCounter(new FanOutOptions());
        var crossings = new List<(int, FanOutAlert)>();
        for (var i = 0; i < 100; i++)
        {
            counter.OnSyn(s_source, Target(0), 445, i * 1000L);
            var seen = counter.OnSyn(s_source, Target(i), 445, i * 1000L + 1);
            if (seen.Crossed != FanOutAlert.None)
                crossings.Add((i + 1, seen.Crossed));
        }
        Assert.Equal([(20, FanOutAlert.PortSweep), (64, FanOutAlert.Scan)], crossings);
    }

    [Fact]
    public void A_slow_fan_out_below_the_rate_never_crosses()
    {
        var counter = new FanOutCounter(new FanOutOptions());
        for (var i = 0; i < 500; i++)
            Assert.Equal(FanOutAlert.None, counter.OnSyn(s_source, Target(i), 445, i * 4_000_000L).Crossed);
    }

    [Fact]
    public void A_new_episode_after_a_quiet_window_crosses_again()
    {
        var counter = new FanOutCounter(new FanOutOptions());
        var crossings = 0;
        foreach (var start in new[] { 0L, 30_000_000L, 200_000_000L })
        {
            for (var i = 0; i < 25; i++)
            {
                if ((counter.OnSyn(s_source, Target(i), 445, start + i * 10_000L).Crossed & FanOutAlert.PortSweep) != 0)
                    crossings++;
            }
        }
        Assert.Equal(2, crossings);
    }

    [Fact]
    public void Ports_are_counted_apart_and_sources_are_capped()
    {
        var counter = new FanOutCounter(new FanOutOptions { MaxPortSources = 2, MaxScanSources = 2 });
        for (var i = 0; i < 19; i++)
        {
            Assert.Equal(FanOutAlert.None, counter.OnSyn(s_source, Target(i), 445, i).Crossed);
            Assert.Equal(FanOutAlert.None, counter.OnSyn(s_source, Target(i), 139, i).Crossed);
        }
        counter.OnSyn(IpAddr.Parse("10.77.0.42"), Target(1), 80, 100);
        counter.OnSyn(IpAddr.Parse("10.77.0.43"), Target(1), 80, 101);
        Assert.Equal(2, counter.PortEvictions);
        Assert.Equal(1, counter.ScanEvictions);
    }
}

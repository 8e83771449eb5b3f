using Edge.Detect.Behaviour;
using Edge.Watch.Dns;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Behaviour;

public sealed class AllocationTests
{
    [Fact]
    public void Observing_allocates_nothing_once_constructed()
    {
        var beacons = new BeaconScorer(new BeaconOptions { MaxSeries = 64 });
        var fanOut = new FanOutCounter(new FanOutOptions { MaxPortSources = 64, MaxScanSources = 64 });
        var tunnels = new TunnelStats(new TunnelOptions { MaxZones = 64 });
        var client = IpAddr.Parse("10.77.0.9");
        var name = "abcdefghijklmnopqrstuvwxyz234567abcdefgh.t.example.net"u8.ToArray();
        var zone = "t.example.net"u8.ToArray();
        // Tiered compilation replaces these methods in the background for a while after the first
        // calls, and a replacement caught mid-run allocates on this thread (seen once under a loaded
        // CI): warm up past it, then measure a steady run.
        Run(0, 200);
        Thread.Sleep(300);
        Run(200, 1000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(1000, 5800);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Run(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var server = IpAddr.FromIPv4(0xCB007100u + (uint)(i % 100));
                beacons.Observe(new BeaconKey(client, server, (ushort)(i % 7)), i * 1_000_000L, 300);
                fanOut.OnSyn(client, server, (ushort)(i % 3), i * 1000L);
                tunnels.Observe(client, name, zone, DnsType.NULL, i * 1000L);
                beacons.TryObserveCrossing(new BeaconKey(client, server, (ushort)(i % 5)), i * 1_000_000L, 300, out _);
                tunnels.TryObserveCrossing(client, tunnels.Prepare(name, zone), DnsType.TXT, i * 1000L, out _);
            }
        }
    }
}

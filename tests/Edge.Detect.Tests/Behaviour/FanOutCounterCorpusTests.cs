using System.Text.Json;
using Edge.Detect.Behaviour;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Transport;

namespace Edge.Detect.Tests.Behaviour;

public sealed class FanOutCounterCorpusTests
{
    private static readonly IpAddr s_worm = IpAddr.Parse("10.77.0.41");

    [Theory]
    [InlineData("wannacry")]
    [InlineData("mixed")]
    public void The_wannacry_host_sweeps_445_and_no_other_host_crosses(string scenario)
    {
        var crossings = Replay(scenario, out var finalOnPort);
        Assert.Contains((s_worm, (ushort)445, FanOutAlert.PortSweep), crossings);
        Assert.Single(crossings, c => c.Alert.HasFlag(FanOutAlert.PortSweep));
        Assert.All(crossings, c => Assert.Equal(s_worm, c.Source));
        Assert.Equal(20, finalOnPort);
    }

    [Theory]
    [InlineData("benign")]
    [InlineData("mixed")]
    public void Quiet_lan_hosts_never_cross(string scenario)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(CorpusCapture.TruthPath(scenario)));
        var quiet = truth.RootElement.GetProperty("quiet_lan_hosts").EnumerateArray().Select(e => IpAddr.Parse(e.GetString()!)).ToHashSet();
        Assert.NotEmpty(quiet);
        var crossings = Replay(scenario, out _);
        Assert.DoesNotContain(crossings, c => quiet.Contains(c.Source));
        if (scenario == "benign")
            Assert.Empty(crossings);
    }

    private static List<(IpAddr Source, ushort Port, FanOutAlert Alert)> Replay(string scenario, out int lastOnPort445)
    {
        var counter = new FanOutCounter(new FanOutOptions());
        var crossings = new List<(IpAddr, ushort, FanOutAlert)>();
        var last = 0;
        CorpusCapture.ForEachPacket(scenario, (int _, ref DecodedPacket packet) =>
        {
            if (!packet.IsTcp || (packet.Tcp.Flags & (TcpFlags.Syn | TcpFlags.Ack)) != TcpFlags.Syn)
                return;
            var seen = counter.OnSyn(packet.Ip.Source, packet.Ip.Destination, packet.DestinationPort, packet.TimestampMicros);
            if (packet.DestinationPort == 445)
                last = seen.DistinctOnPort;
            if (seen.Crossed != FanOutAlert.None)
                crossings.Add((packet.Ip.Source, packet.DestinationPort, seen.Crossed));
        });
        lastOnPort445 = last;
        return crossings;
    }
}

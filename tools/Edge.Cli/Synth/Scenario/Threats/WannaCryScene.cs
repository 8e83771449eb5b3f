using System.Net;
using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>WannaCry's kill-switch lookup (NXDOMAIN, so it carries on), then single SYNs to TCP 445 on 30 addresses.</summary>
internal static class WannaCryScene
{
    public static void Run(SynthContext context, long at)
    {
        var random = context.Random;
        var worm = LabNetwork.Client(41);
        at = DnsExchange.Udp(context, at, worm, LabNetwork.Resolver, SynthScenario.WannaCryKillSwitch, DnsType.A,
            m => m.Soa("com", 900, "a.gtld-servers.net", "nstld.verisign-grs.com", 1762070400), DnsFlags.NxDomain);
        var first = IPAddress.Parse(SynthScenario.SweepFirstAddress).GetAddressBytes();
        at += 50_000;
        for (var i = 0; i < SynthScenario.SweepCount; i++)
        {
            var target = $"{first[0]}.{first[1]}.{first[2]}.{first[3] + i}";
            var tcp = new TcpConversation(context, worm, LabNetwork.Server(target), SynthScenario.SweepPort, at,
                random.Next(5_000, 60_000));
            tcp.Probe(refused: i % 10 == 3);
            at += random.Next(2_000, 12_000);
        }
    }
}

using System.Net;
using Edge.Cli.Synth.Flows;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>A compromised host probes a handful of common service ports on ten neighbours (80 targets).</summary>
internal static class ScanScene
{
    private static readonly int[] s_ports = [21, 22, 23, 25, 80, 110, 143, 3389];

    public static void Run(SynthContext context, long at)
    {
        var random = context.Random;
        var scanner = LabNetwork.Client(45);
        var first = IPAddress.Parse(SynthScenario.ScanFirstAddress).GetAddressBytes();
        for (var host = 0; host < SynthScenario.ScanHosts; host++)
        {
            var target = LabNetwork.Server($"{first[0]}.{first[1]}.{first[2]}.{first[3] + host}");
            foreach (var port in s_ports)
            {
                new TcpConversation(context, scanner, target, port, at, random.Next(5_000, 40_000)).Probe(refused: port != 22);
                at += random.Next(3_000, 20_000);
            }
        }
    }
}

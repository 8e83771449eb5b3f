using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>Malware hunting for its rendezvous: a burst of algorithmically generated names, all NXDOMAIN.</summary>
internal static class DgaScene
{
    public static void Run(SynthContext context, long at)
    {
        var host = LabNetwork.Client(61);
        foreach (var name in SynthScenario.DgaNames)
        {
            var tld = name[(name.LastIndexOf('.') + 1)..];
            DnsExchange.Udp(context, at, host, LabNetwork.Resolver, name, DnsType.A,
                m => m.Soa(tld, 86400, "a.root-servers.net", "nstld.verisign-grs.com", 2026110200), DnsFlags.NxDomain);
            at += context.Random.Next(80_000, 400_000);
        }
    }
}

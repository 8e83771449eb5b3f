using System.Net;
using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;
using Edge.Cli.Synth.Tls;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>A client bootstraps a public DoH resolver and talks TLS to it, bypassing the agency resolver.</summary>
internal static class DohBypassScene
{
    public static void Run(SynthContext context, long at)
    {
        var client = LabNetwork.Client(71);
        at = DnsExchange.Udp(context, at, client, LabNetwork.Resolver, SynthScenario.DohName, DnsType.A,
            m => m.A(DnsSection.Answer, SynthScenario.DohName, 900, IPAddress.Parse(SynthScenario.DohAddress)));
        TlsVisit.Run(context, at + 1_000, client, LabNetwork.Server(SynthScenario.DohAddress),
            new ClientHelloSpec(SynthScenario.DohName, ["h2"], Tls13: true));
    }
}

using System.Net;
using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;
using Edge.Cli.Synth.Tls;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>A user resolves a phishing-looking name and opens it over HTTPS.</summary>
internal static class PhishingScene
{
    public static void Run(SynthContext context, long at)
    {
        var victim = LabNetwork.Client(21);
        var address = IPAddress.Parse(SynthScenario.PhishingAddress);
        var name = SynthScenario.PhishingHost;
        at = DnsExchange.Udp(context, at, victim, LabNetwork.Resolver, name, DnsType.A,
            m => m.A(DnsSection.Answer, name, 120, address));
        DnsExchange.Udp(context, at + 150, victim, LabNetwork.Resolver, name, DnsType.Aaaa,
            m => m.Soa(SynthScenario.PhishingDomain, 120, "ns1." + SynthScenario.PhishingDomain, "admin." + SynthScenario.PhishingDomain, 1));
        TlsVisit.Run(context, at + 2_000, victim, LabNetwork.Server(SynthScenario.PhishingAddress),
            new ClientHelloSpec(name, ["h2", "http/1.1"], Tls13: true), responseLength: 14_000);
    }
}

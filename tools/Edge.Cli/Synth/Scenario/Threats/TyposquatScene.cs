using System.Net;
using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>A staff member mistypes the agency's own domain: a lookalike that resolves and one that does not.</summary>
internal static class TyposquatScene
{
    public static void Run(SynthContext context, long at)
    {
        var user = LabNetwork.Client(81);
        at = DnsExchange.Udp(context, at, user, LabNetwork.Resolver, SynthScenario.ProtectedDomain, DnsType.A,
            m => m.A(DnsSection.Answer, SynthScenario.ProtectedDomain, 300, IPAddress.Parse("192.0.2.150")));
        at = DnsExchange.Udp(context, at + 700_000, user, LabNetwork.Resolver, SynthScenario.TyposquatResolving, DnsType.A,
            m => m.A(DnsSection.Answer, SynthScenario.TyposquatResolving, 300, IPAddress.Parse("203.0.113.77")));
        DnsExchange.Udp(context, at + 900_000, user, LabNetwork.Resolver, SynthScenario.TyposquatMissing, DnsType.A,
            m => m.Soa("example", 900, "a.iana-servers.net", "noc.dns.icann.org", 2026110200), DnsFlags.NxDomain);
    }
}

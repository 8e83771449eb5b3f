using System.Net;
using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;
using Edge.Cli.Synth.Http;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>Implant check-ins: an HTTP GET to one C2 address every 30 s with ±5 % jitter, each on a new connection.</summary>
internal static class BeaconScene
{
    public static void Run(SynthContext context, long at)
    {
        var random = context.Random;
        var implant = LabNetwork.Client(51);
        var c2 = LabNetwork.Server(SynthScenario.BeaconAddress);
        at = DnsExchange.Udp(context, at, implant, LabNetwork.Resolver, SynthScenario.BeaconHost, DnsType.A,
            m => m.A(DnsSection.Answer, SynthScenario.BeaconHost, 300, IPAddress.Parse(SynthScenario.BeaconAddress)));
        var botId = Convert.ToHexStringLower(random.NextBytes(6));
        for (var i = 0; i < SynthScenario.BeaconCount; i++)
        {
            at += i == 0 ? 1_000 : (long)(SynthScenario.BeaconIntervalSeconds * 1_000_000 * (0.95 + 0.1 * random.NextDouble()));
            HttpVisit.Run(context, at, implant, c2, SynthScenario.BeaconPort,
                HttpMessage.Request("GET", SynthScenario.BeaconHost, $"{SynthScenario.BeaconPath}?id={botId}&n={i}", SynthScenario.BeaconUserAgent),
                HttpMessage.Response(200, "OK", "text/plain", i == 4 ? "task=sleep;t=30" : "ok", server: "Apache"));
        }
    }
}

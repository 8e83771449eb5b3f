using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>Data smuggled in DNS: TXT queries whose long base32 labels carry payload under one zone.</summary>
internal static class DnsTunnelScene
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    public static void Run(SynthContext context, long at)
    {
        var random = context.Random;
        var host = LabNetwork.Client(65);
        for (var i = 0; i < SynthScenario.TunnelQueries; i++)
        {
            var name = $"{Encode(random, 63)}.{Encode(random, random.Next(30, 60))}.{i:x2}.{SynthScenario.TunnelZone}";
            var reply = Encode(random, random.Next(60, 200));
            DnsExchange.Udp(context, at, host, LabNetwork.Resolver, name, DnsType.Txt,
                m => m.Txt(name, 0, reply), edns: new Edns(4096, DnssecOk: false));
            at += random.Next(150_000, 700_000);
        }
    }

    private static string Encode(Wire.SynthRandom random, int length) =>
        string.Create(length, random, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = Base32[r.Next(0, 32)];
        });
}

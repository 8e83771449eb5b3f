using System.Net;
using System.Text;
using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>A miner resolves its pool and speaks Stratum JSON-RPC (one JSON object per line) on TCP 3333.</summary>
internal static class StratumScene
{
    public static void Run(SynthContext context, long at)
    {
        var random = context.Random;
        var miner = LabNetwork.Client(31);
        at = DnsExchange.Udp(context, at, miner, LabNetwork.Resolver, SynthScenario.MiningPool, DnsType.A,
            m => m.A(DnsSection.Answer, SynthScenario.MiningPool, 60, IPAddress.Parse(SynthScenario.MiningAddress)));
        var tcp = new TcpConversation(context, miner, LabNetwork.Server(SynthScenario.MiningAddress),
            SynthScenario.MiningPort, at + 1_000, random.Next(20_000, 60_000));
        tcp.Open();
        tcp.ClientSends(Line("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"cpuminer-opt/3.24.5\"]}"));
        tcp.ServerSends(Line("{\"id\":1,\"result\":[[[\"mining.set_difficulty\",\"1\"],[\"mining.notify\",\"1\"]],\"08000002\",4],\"error\":null}"));
        tcp.ClientSends(Line($"{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"{SynthScenario.MiningWallet}.rig01\",\"x\"]}}"));
        tcp.ServerSends(Line("{\"id\":2,\"result\":true,\"error\":null}"));
        tcp.Wait(5_000);
        tcp.ServerSends(Line("{\"id\":null,\"method\":\"mining.set_difficulty\",\"params\":[32]}"), answersRequest: false);
        var job = Convert.ToHexStringLower(random.NextBytes(4));
        tcp.ServerSends(Line($"{{\"id\":null,\"method\":\"mining.notify\",\"params\":[\"{job}\",\"{Convert.ToHexStringLower(random.NextBytes(32))}\",\"01000000010000\",\"ffffffff\",[],\"20000000\",\"1d00ffff\",\"{Convert.ToHexStringLower(random.NextBytes(4))}\",true]}}"), answersRequest: false);
        for (var id = 3; id <= 5; id++)
        {
            tcp.Wait(random.Next(4_000_000, 15_000_000));
            tcp.ClientSends(Line($"{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"{SynthScenario.MiningWallet}.rig01\",\"{job}\",\"{Convert.ToHexStringLower(random.NextBytes(4))}\",\"{Convert.ToHexStringLower(random.NextBytes(4))}\",\"{Convert.ToHexStringLower(random.NextBytes(4))}\"]}}"));
            tcp.ServerSends(Line($"{{\"id\":{id},\"result\":true,\"error\":null}}"));
        }
        tcp.ClientCloses();
    }

    private static byte[] Line(string json) => Encoding.ASCII.GetBytes(json + "\n");
}

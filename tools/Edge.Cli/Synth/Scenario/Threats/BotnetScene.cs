using System.Net;
using System.Text;
using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;

namespace Edge.Cli.Synth.Scenario.Threats;

/// <summary>A bot resolves its IRC command server, joins its channel, and also tries a listed address that never answers.</summary>
internal static class BotnetScene
{
    public static void Run(SynthContext context, long at)
    {
        var random = context.Random;
        var bot = LabNetwork.Client(52);
        at = DnsExchange.Udp(context, at, bot, LabNetwork.Resolver, SynthScenario.BotnetHost, DnsType.A,
            m => m.A(DnsSection.Answer, SynthScenario.BotnetHost, 300, IPAddress.Parse(SynthScenario.BotnetAddress)));
        var irc = new TcpConversation(context, bot, LabNetwork.Server(SynthScenario.BotnetAddress), SynthScenario.BotnetPort,
            at + 2_000, random.Next(20_000, 80_000));
        irc.Open();
        irc.ClientSends(Encoding.ASCII.GetBytes("NICK bot-7f3a\r\nUSER bot 0 * :bot\r\nJOIN #herd\r\n"));
        irc.ServerSends(Encoding.ASCII.GetBytes(":herd 001 bot-7f3a :welcome\r\n"));
        irc.ClientCloses();
        var silent = new TcpConversation(context, bot, LabNetwork.Server(SynthScenario.BotnetSilentAddress), 23,
            irc.Now + 500_000, random.Next(20_000, 80_000));
        silent.Probe(refused: false);
    }
}

using Edge.Cli.Synth.Flows;
using Edge.Cli.Synth.Packets;

namespace Edge.Cli.Synth.Scenario;

/// <summary>One HTTP/1.1 request and response on its own connection, closed with FIN or aborted with RST.</summary>
internal static class HttpVisit
{
    public static long Run(SynthContext context, long at, NetHost client, NetHost server, int port, byte[] request,
        byte[] response, bool clientResets = false, ushort? vlan = null)
    {
        var random = context.Random;
        var tcp = new TcpConversation(context, client, server, port, at, random.Next(2_000, 35_000), vlan);
        tcp.Open();
        tcp.Wait(random.Next(100, 800));
        tcp.ClientSends(request);
        tcp.ServerSends(response);
        tcp.Wait(random.Next(1_000, 60_000));
        if (clientResets)
            tcp.ClientResets();
        else
            tcp.ClientCloses();
        return tcp.Now;
    }
}

using Edge.Cli.Synth.Flows;
using Edge.Cli.Synth.Packets;
using Edge.Cli.Synth.Tls;

namespace Edge.Cli.Synth.Scenario;

/// <summary>An HTTPS visit: handshake, ClientHello, server flight, one encrypted request and response, FIN close.</summary>
internal static class TlsVisit
{
    public static long Run(SynthContext context, long at, NetHost client, NetHost server, ClientHelloSpec spec,
        int splitHelloAt = 0, int responseLength = 0)
    {
        var random = context.Random;
        var tcp = new TcpConversation(context, client, server, 443, at, random.Next(3_000, 40_000));
        tcp.Open();
        tcp.Wait(random.Next(200, 1_500));
        tcp.ClientSends(TlsClientHello.Build(spec, random, out var sessionId), splitHelloAt);
        tcp.ServerSends(TlsServerFlight.Build(spec, sessionId, random));
        tcp.Wait(random.Next(500, 3_000));
        tcp.ClientSends(TlsServerFlight.ClientFinished(spec, random.Next(180, 520), random));
        tcp.ServerSends(TlsServerFlight.ApplicationData(responseLength > 0 ? responseLength : random.Next(400, 5_000), random));
        tcp.Wait(random.Next(50_000, 900_000));
        tcp.ClientCloses();
        return tcp.Now;
    }
}

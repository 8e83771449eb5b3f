using Edge.Cli.Synth.Flows;
using Edge.Cli.Synth.Packets;

namespace Edge.Cli.Synth.Dns;

/// <summary>EDNS0 as a client asks for it: advertised UDP size and the DO bit.</summary>
internal readonly record struct Edns(int UdpSize, bool DnssecOk);

/// <summary>One query and its response between a LAN client and the resolver, over UDP or TCP.</summary>
internal static class DnsExchange
{
    public const int Port = 53;

    /// <summary>Sends the query at <paramref name="at"/>; returns when the response arrived.</summary>
    public static long Udp(SynthContext context, long at, NetHost client, NetHost resolver, string name, ushort type,
        Action<DnsMessageBuilder>? answer = null, int rcode = DnsFlags.NoError, Edns? edns = null, ushort? vlan = null)
    {
        var (query, response) = Messages(context, name, type, answer, rcode, edns);
        var port = context.NextClientPort();
        var rtt = context.Random.Next(400, 30_000);
        context.SendUdp(at, client, resolver, port, Port, query, vlan);
        context.SendUdp(at + rtt, resolver, client, Port, port, response, vlan);
        return at + rtt;
    }

    /// <summary>Same exchange over TCP with the 2-byte length prefix (RFC 1035 §4.2.2, RFC 7766 §8), response cut in two segments.</summary>
    public static long Tcp(SynthContext context, long at, NetHost client, NetHost resolver, string name, ushort type,
        Action<DnsMessageBuilder>? answer = null, int rcode = DnsFlags.NoError, Edns? edns = null)
    {
        var (query, response) = Messages(context, name, type, answer, rcode, edns);
        var tcp = new TcpConversation(context, client, resolver, Port, at, context.Random.Next(800, 5_000));
        tcp.Open();
        tcp.ClientSends(LengthPrefixed(query));
        tcp.ServerSends(LengthPrefixed(response), firstSegment: 2 + response.Length / 2);
        tcp.ClientCloses();
        return tcp.Now;
    }

    public static (byte[] Query, byte[] Response) Messages(SynthContext context, string name, ushort type,
        Action<DnsMessageBuilder>? answer, int rcode, Edns? edns)
    {
        var id = context.Random.NextUInt16();
        var query = new DnsMessageBuilder(id, DnsFlags.Query).Question(name, type);
        var response = new DnsMessageBuilder(id, DnsFlags.RecursiveAnswer, rcode).Question(name, type);
        answer?.Invoke(response);
        if (edns is { } e)
        {
            query.Opt(e.UdpSize, e.DnssecOk);
            response.Opt(1232, e.DnssecOk);
        }
        return (query.Build(), response.Build());
    }

    private static byte[] LengthPrefixed(byte[] message)
    {
        var framed = new byte[message.Length + 2];
        framed[0] = (byte)(message.Length >> 8);
        framed[1] = (byte)message.Length;
        message.CopyTo(framed, 2);
        return framed;
    }
}

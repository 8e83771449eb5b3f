using System.Net;
using Edge.Cli.Synth.Dns;
using Edge.Cli.Synth.Flows;
using Edge.Cli.Synth.Http;
using Edge.Cli.Synth.Packets;
using Edge.Cli.Synth.Tls;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Scenario;

/// <summary>
/// One round of benign LAN background: DNS of every common type, HTTPS and HTTP visits, IPv6, a VLAN
/// flow, pings and a fragmented datagram, spread over <see cref="Seconds"/> from the round's start.
/// </summary>
internal sealed class BenignRound(SynthContext context, long origin)
{
    public const int Seconds = 300;

    private readonly SynthRandom _random = context.Random;

    public void Run()
    {
        DnsVariety();
        BackgroundLookups(24);
        WebVisits();
        Ipv6Flows();
        Pings();
    }

    private long At() => origin + _random.Next(0, (Seconds - 20) * 1_000_000);

    private NetHost AnyClient() => LabNetwork.Client(_random.Next(100, 120));

    private void DnsVariety()
    {
        var resolver = LabNetwork.Resolver;
        var dnsClient = LabNetwork.Client(10);
        DnsExchange.Udp(context, At(), dnsClient, resolver, "www.example.com", DnsType.A,
            m => m.A(DnsSection.Answer, "www.example.com", 300, IPAddress.Parse("192.0.2.10")));
        DnsExchange.Udp(context, At(), dnsClient, resolver, "www.example.com", DnsType.Aaaa,
            m => m.Aaaa(DnsSection.Answer, "www.example.com", 300, IPAddress.Parse("2001:db8:10::10")));
        DnsExchange.Udp(context, At(), AnyClient(), resolver, "www.shop.example", DnsType.A, m => m
            .Cname("www.shop.example", 3600, "shop.cdn.example.net")
            .Cname("shop.cdn.example.net", 300, "edge-7.cdn.example.net")
            .A(DnsSection.Answer, "edge-7.cdn.example.net", 60, IPAddress.Parse("198.51.100.70")));
        DnsExchange.Udp(context, At(), dnsClient, resolver, "agency.example", DnsType.Mx, m => m
            .Mx("agency.example", 3600, 10, "mail.agency.example")
            .Mx("agency.example", 3600, 20, "mx2.agency.example")
            .A(DnsSection.Additional, "mail.agency.example", 3600, IPAddress.Parse("192.0.2.25"))
            .A(DnsSection.Additional, "mx2.agency.example", 3600, IPAddress.Parse("192.0.2.26")));
        DnsExchange.Udp(context, At(), dnsClient, resolver, "agency.example", DnsType.Txt, m => m
            .Txt("agency.example", 3600, "v=spf1 ip4:192.0.2.25 ip4:192.0.2.26 -all")
            .Txt("agency.example", 3600, "site-verification=7f3c9a1e2b"));
        DnsExchange.Udp(context, At(), dnsClient, resolver, "10.2.0.192.in-addr.arpa", DnsType.Ptr,
            m => m.Ptr("10.2.0.192.in-addr.arpa", 86400, "www.example.com"));
        DnsExchange.Udp(context, At(), AnyClient(), resolver, "www.example.com", DnsType.Https,
            m => m.Https("www.example.com", 300, 1, ".", ["h2", "h3"], [IPAddress.Parse("192.0.2.10")]));
        DnsExchange.Udp(context, At(), dnsClient, resolver, "no-such-host.example.com", DnsType.A,
            m => m.Soa("example.com", 900, "ns.example.com", "hostmaster.example.com", 2026110201), DnsFlags.NxDomain);
        DnsExchange.Udp(context, At(), dnsClient, resolver, "broken.example.org", DnsType.A, rcode: DnsFlags.ServFail);
        DnsExchange.Udp(context, At(), dnsClient, resolver, "secure.example.net", DnsType.A,
            m => m.A(DnsSection.Answer, "secure.example.net", 600, IPAddress.Parse("198.51.100.60")),
            edns: new Edns(1232, DnssecOk: true));
        DnsExchange.Tcp(context, At(), dnsClient, resolver, "_config.agency.example", DnsType.Txt,
            m => m.Txt("_config.agency.example", 600, "mail=mail.agency.example", "vpn=vpn.agency.example", "policy=strict"));
        FragmentedTxtAnswer(dnsClient);
    }

    // A TXT answer bigger than the MTU, sent over UDP because the client advertised EDNS0 4096 (RFC 6891 §6.2.5);
    // the IPv4 layer splits it into two fragments.
    private void FragmentedTxtAnswer(NetHost client)
    {
        var name = "keys.agency.example";
        var texts = Enumerable.Range(0, 8).Select(i => $"k{i}=" + Convert.ToBase64String(_random.NextBytes(150))).ToArray();
        var (query, response) = DnsExchange.Messages(context, name, DnsType.Txt,
            m => m.Txt(name, 3600, texts), DnsFlags.NoError, new Edns(4096, DnssecOk: false));
        var at = At();
        var port = context.NextClientPort();
        context.SendUdp(at, client, LabNetwork.Resolver, port, DnsExchange.Port, query);
        var datagram = UdpDatagram.Build(LabNetwork.Resolver.Address, client.Address, DnsExchange.Port, port, response);
        var time = at + _random.Next(2_000, 20_000);
        foreach (var fragment in context.Framer.Fragments(LabNetwork.Resolver, client, IpProtocol.Udp, datagram))
        {
            context.Capture.Add(time, fragment);
            time += 130;
        }
    }

    private void BackgroundLookups(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (name, address) = _random.Pick(BenignNames.Hosts);
            DnsExchange.Udp(context, At(), AnyClient(), LabNetwork.Resolver, name, DnsType.A,
                m => m.A(DnsSection.Answer, name, _random.Next(60, 3600), address));
        }
    }

    private long LookupThenAt(NetHost client, string name)
    {
        var address = BenignNames.AddressOf(name);
        var answered = DnsExchange.Udp(context, At(), client, LabNetwork.Resolver, name, DnsType.A,
            m => m.A(DnsSection.Answer, name, 300, address));
        return answered + _random.Next(300, 3_000);
    }

    private void WebVisits()
    {
        var browser = AnyClient();
        TlsVisit.Run(context, LookupThenAt(browser, "www.example.com"), browser, Server("www.example.com"),
            new ClientHelloSpec("www.example.com", ["h2", "http/1.1"], Tls13: true));

        var portal = AnyClient();
        TlsVisit.Run(context, LookupThenAt(portal, "portal.agency.example"), portal, Server("portal.agency.example"),
            new ClientHelloSpec("portal.agency.example", ["h2", "http/1.1"], Tls13: true, PostQuantum: true));

        var script = AnyClient();
        TlsVisit.Run(context, LookupThenAt(script, "api.example.net"), script, Server("api.example.net"),
            new ClientHelloSpec("api.example.net", ["http/1.1"], Tls13: false));

        var updater = AnyClient();
        TlsVisit.Run(context, LookupThenAt(updater, "updates.example.com"), updater, Server("updates.example.com"),
            new ClientHelloSpec("updates.example.com", ["http/1.1"], Tls13: true), splitHelloAt: 120);

        TlsVisit.Run(context, At(), AnyClient(), LabNetwork.Server("203.0.113.30"),
            new ClientHelloSpec(null, ["h2", "http/1.1"], Tls13: false));

        var reader = AnyClient();
        HttpVisit.Run(context, LookupThenAt(reader, "www.example.com"), reader, Server("www.example.com"), 80,
            HttpMessage.Request("GET", "www.example.com", "/index.html", BenignNames.UserAgent),
            HttpMessage.Response(200, "OK", "text/html", "<!doctype html><title>Example</title><p>Hello.</p>\n"));

        var clerk = AnyClient();
        HttpVisit.Run(context, LookupThenAt(clerk, "forms.agency.example"), clerk, Server("forms.agency.example"), 80,
            HttpMessage.Request("POST", "forms.agency.example", "/api/submit", BenignNames.CurlAgent, "application/json",
                "{\"form\":\"leave-request\",\"days\":2}"),
            HttpMessage.Response(201, "Created", "application/json", "{\"status\":\"created\",\"ticket\":4711}"));

        var downloader = AnyClient();
        HttpVisit.Run(context, LookupThenAt(downloader, "files.example.org"), downloader, Server("files.example.org"), 80,
            HttpMessage.Request("GET", "files.example.org", "/pub/manual.pdf", BenignNames.UserAgent),
            HttpMessage.Response(200, "OK", "application/pdf", "%PDF-1.7\n" + new string('x', 2_400)),
            clientResets: true);

        var kiosk = LabNetwork.Client(30);
        HttpVisit.Run(context, At(), kiosk, Server("intranet.agency.example"), 8080,
            HttpMessage.Request("GET", "intranet.agency.example:8080", "/status?panel=lobby", BenignNames.CurlAgent),
            HttpMessage.Response(200, "OK", "text/plain", "ok\n"), vlan: LabNetwork.Vlan);
    }

    private void Ipv6Flows()
    {
        var client = LabNetwork.Client6(0x11);
        var server = LabNetwork.Server("2001:db8:10::10");
        var answered = DnsExchange.Udp(context, At(), client, LabNetwork.Resolver6, "www.example.com", DnsType.Aaaa,
            m => m.Aaaa(DnsSection.Answer, "www.example.com", 300, server.Address));
        TlsVisit.Run(context, answered + 800, client, server,
            new ClientHelloSpec("www.example.com", ["h2", "http/1.1"], Tls13: true));
        HttpVisit.Run(context, At(), LabNetwork.Client6(0x12), server, 80,
            HttpMessage.Request("GET", "www.example.com", "/robots.txt", BenignNames.CurlAgent),
            HttpMessage.Response(200, "OK", "text/plain", "User-agent: *\nDisallow:\n"));
    }

    private void Pings()
    {
        Ping(LabNetwork.Client(100), LabNetwork.Server("192.0.2.1"), 3);
        Ping(LabNetwork.Client6(0x10), LabNetwork.Server("2001:db8::1"), 2);
    }

    private void Ping(NetHost client, NetHost server, int count)
    {
        var at = At();
        var id = _random.NextUInt16();
        for (ushort sequence = 1; sequence <= count; sequence++)
        {
            var data = _random.NextBytes(48);
            context.SendIcmpEcho(at, client, server, reply: false, id, sequence, data);
            context.SendIcmpEcho(at + _random.Next(800, 20_000), server, client, reply: true, id, sequence, data);
            at += 1_000_000;
        }
    }

    private static NetHost Server(string name) => new(BenignNames.AddressOf(name), LabNetwork.GatewayMac, 56);
}

using System.Runtime.CompilerServices;
using System.Text;
using Edge.Detect.Behaviour;
using Edge.Detect.Findings;
using Edge.Detect.Intel;
using Edge.Detect.Names;
using Edge.Detect.Protocols;
using Edge.Watch.Dns;
using Edge.Watch.Flows;
using Edge.Watch.Http;
using Edge.Watch.Net;
using Edge.Watch.Packets;
using Edge.Watch.Pipeline;
using Edge.Watch.Tls;
using Edge.Watch.Transport;

namespace Edge.Detect.Detectors;

/// <summary>Every detector, fed by the Watch engine: intel hits on DNS names and answers, SNI,
/// HTTP Host and contacted addresses; Stratum on any port; WannaCry kill switch and SMB sweeps;
/// scans; beacons; DGA bursts; DNS tunnels; DoH/DoT bypass; typosquats of the agency's domains.
/// Lookups are span-based and allocation-free; only a finding allocates.</summary>
public sealed class DetectionEngine : IWatchObserver
{
    private const ushort SmbPort = 445;
    private const ushort DotPort = 853;
    private const int MaxSmbSweepers = 4096;

    private readonly IntelHolder _intel;
    private readonly IFindingSink _sink;
    private readonly DetectionOptions _options;
    private readonly FanOutCounter _fanOut;
    private readonly BeaconScorer _beacons;
    private readonly TunnelStats _tunnels;
    private readonly DgaBursts _dga;
    private readonly TyposquatMatcher _squats;
    private readonly PublicSuffixList _suffixes = PublicSuffixList.Bundled;
    private readonly DgaModel _dgaModel = DgaModel.Load();
    private readonly byte[] _name = new byte[DnsName.MaxPresentationLength];
    private readonly HashSet<IpAddr> _smbSweepers = [];
    private readonly NameCache _names;
    private readonly NameCache _questions;
    private NameFacts _unreadable;

    public DetectionEngine(IntelHolder intel, DetectionOptions options, IFindingSink sink)
    {
        options.Validate();
        _intel = intel;
        _options = options;
        _sink = sink;
        _fanOut = new FanOutCounter(options.FanOut);
        _beacons = new BeaconScorer(options.Beacon);
        _tunnels = new TunnelStats(options.Tunnel);
        _dga = new DgaBursts(options);
        _squats = new TyposquatMatcher(options.ProtectedDomains);
        // DNS questions by their wire form (with the text kept, so a repeated one is not read
        // again); SNIs, Hosts and the rare compressed question by their text, fewer of them.
        _questions = new NameCache(options.NameCacheCapacity, (ulong)Random.Shared.NextInt64(), withText: true);
        _names = new NameCache(Math.Max(2, options.NameCacheCapacity / 4), (ulong)Random.Shared.NextInt64());
    }

    /// <summary>Names looked up, found in the name cache, and evicted from it.</summary>
    public (long Hits, long Misses, long Evictions) NameCacheCounters =>
        (_names.Hits + _questions.Hits, _names.Misses + _questions.Misses, _names.Evictions + _questions.Evictions);

    public void OnPacket(ref DecodedPacket packet, ref Flow flow, bool toServer)
    {
        if (!packet.IsTcp || !toServer)
            return;
        if ((packet.Tcp.Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn)
            OnConnectionAttempt(ref packet, ref flow);
        else if (!packet.Payload.IsEmpty && StartsLikeJson(packet.Payload))
            OnClientPayload(ref packet, ref flow);
    }

    public void OnDns(in PacketContext context, DnsMessage message)
    {
        if (!message.HasQuestion)
            return;
        // An answer needs the question only to report a listed address: most responses are
        // walked without looking their question up (their query already did).
        if (message.IsResponse && message.Rcode != 3)
        {
            OnAnswers(context, message);
            return;
        }
        ref var facts = ref QuestionFacts(message, out var qname);
        if (facts.TextLength == NameFacts.Unreadable)
            return;
        if (!message.IsResponse)
        {
            OnQuery(context, ref facts, qname, message.QuestionType);
            return;
        }
        OnNameError(context, ref facts, qname);
        OnAnswers(context, message, qname);
    }

    public void OnTlsClientHello(in PacketContext context, ClientHello hello)
    {
        if (!hello.TryGetServerName(out var sni) || sni.IsEmpty)
            return;
        ref var facts = ref Facts(sni);
        if (facts.Listing.Is("doh"))
        {
            if (_options.AgencyDnsRequired)
            {
                var text = TextOf(ref facts, sni);
                if (!Repeated(context, "edge.doh.sni", text))
                    Report(context, "edge.doh.sni", "DNS over HTTPS to a public resolver", AlertCategories.DohBypass, Severity.Medium,
                        EvidenceKinds.TlsSni, text, $"{context.Source} opened TLS to the DoH resolver {text} ({context.Destination}:{context.DestinationPort}), bypassing the agency's DNS",
                        facts.Listing.Match.List, tls: text);
            }
            return;
        }
        if (IntelHit(context, sni, ref facts, EvidenceKinds.TlsSni, "edge.intel.sni", "TLS to a listed name", "opened TLS with SNI"))
            return;
        Typosquat(context, sni, ref facts, EvidenceKinds.TlsSni, "opened TLS with SNI");
    }

    public void OnHttpRequest(in PacketContext context, HttpRequestHead request)
    {
        var host = HostText.WithoutPort(request.Host);
        if (host.IsEmpty)
            return;
        ref var facts = ref Facts(host);
        if (IntelHit(context, host, ref facts, EvidenceKinds.HttpHost, "edge.intel.http", "HTTP to a listed name", "sent an HTTP request for"))
            return;
        Typosquat(context, host, ref facts, EvidenceKinds.HttpHost, "sent an HTTP request for");
    }

    public void OnFlowEnd(ref Flow flow, FlowEndReason reason)
    {
    }

    /// <summary>Per connection start: the lookups and counters stay here; what a finding needs
    /// (text, the finding itself) is built in the methods below, which run only when one is raised.</summary>
    private void OnConnectionAttempt(ref DecodedPacket packet, ref Flow flow)
    {
        var client = packet.Ip.Source;
        var server = packet.Ip.Destination;
        var port = packet.DestinationPort;
        var at = packet.TimestampMicros;
        if (_intel.Current.TryMatchAddress(server, out var hit) && AlertCategories.IsThreatList(hit.List.Category))
            ListedAddress(ref packet, ref flow, hit);
        if (port == DotPort && _options.AgencyDnsRequired)
            DnsOverTls(ref packet, ref flow);
        var fan = _fanOut.OnSyn(client, server, port, at);
        if (fan.Crossed != FanOutAlert.None)
            FanOut(ref packet, ref flow, fan);
        // A retransmitted SYN is the same connection, not another call home.
        if (flow.PacketsToServer != 1)
            return;
        if (_beacons.TryObserveCrossing(new BeaconKey(client, server, port), at, 0, out var beacon))
            Beacon(ref packet, ref flow, beacon);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ListedAddress(ref DecodedPacket packet, ref Flow flow, CidrMatch hit)
    {
        var client = packet.Ip.Source;
        var server = packet.Ip.Destination;
        if (_sink.TryCountRepeat("edge.intel.ip", client, server.ToString(), packet.TimestampMicros))
            return;
        Report(Finding(ref packet, ref flow, "edge.intel.ip", "Connection to a listed address", hit.List.Category,
            SeverityOf(hit.List.Category), EvidenceKinds.IpContact, server.ToString(),
            $"{client} opened TCP to {server}:{packet.DestinationPort}, listed as {hit.List.Category} (list {hit.List.Source})") with
        {
            IntelList = hit.List.Category,
            IntelSource = hit.List.Source,
        });
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void DnsOverTls(ref DecodedPacket packet, ref Flow flow)
    {
        var client = packet.Ip.Source;
        var server = packet.Ip.Destination;
        var port = packet.DestinationPort;
        Report(Finding(ref packet, ref flow, "edge.doh.dot", "DNS over TLS (853) to an outside resolver", AlertCategories.DohBypass,
            Severity.Medium, EvidenceKinds.IpContact, $"{server}:{port}", $"{client} opened DNS over TLS to {server}:{port}, bypassing the agency's DNS"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FanOut(ref DecodedPacket packet, ref Flow flow, FanOutObservation fan)
    {
        var client = packet.Ip.Source;
        var port = packet.DestinationPort;
        if ((fan.Crossed & FanOutAlert.PortSweep) != 0 && port == SmbPort)
        {
            Report(Finding(ref packet, ref flow, "edge.wannacry.smb-sweep", "SMB sweep (WannaCry spreading)", AlertCategories.WannaCry,
                Severity.Critical, EvidenceKinds.Scan, "445/tcp-sweep",
                $"{client} opened TCP 445 to {fan.DistinctOnPort} distinct addresses within {_options.FanOut.PortWindowSeconds:0} s, as WannaCry spreads") with { Server = default, ServerPort = SmbPort });
        }
        else if ((fan.Crossed & FanOutAlert.PortSweep) != 0)
        {
            Report(Finding(ref packet, ref flow, "edge.scan.port-sweep", "Sweep of one port across addresses", AlertCategories.Scan,
                Severity.Medium, EvidenceKinds.Scan, $"{port}/tcp-sweep",
                $"{client} opened TCP {port} to {fan.DistinctOnPort} distinct addresses within {_options.FanOut.PortWindowSeconds:0} s") with { Server = default });
        }
        // A 445-only sweep is WannaCry spreading; the same SYNs also fill the general scan view.
        if ((fan.Crossed & FanOutAlert.PortSweep) != 0 && port == SmbPort)
            RememberSmbSweeper(client);
        if ((fan.Crossed & FanOutAlert.Scan) != 0 && !_smbSweepers.Contains(client))
        {
            Report(Finding(ref packet, ref flow, "edge.scan.fan-out", "Scan of many hosts and ports", AlertCategories.Scan,
                Severity.Medium, EvidenceKinds.Scan, "tcp-scan",
                $"{client} opened TCP to {fan.DistinctTargets} distinct address:port targets within {_options.FanOut.ScanWindowSeconds:0} s") with { Server = default });
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Beacon(ref DecodedPacket packet, ref Flow flow, BeaconScore beacon)
    {
        var client = packet.Ip.Source;
        var server = packet.Ip.Destination;
        var port = packet.DestinationPort;
        Report(Finding(ref packet, ref flow, "edge.cnc.beacon", "Periodic connections (beacon)", AlertCategories.Cnc,
            Severity.High, EvidenceKinds.Beacon, $"{server}:{port}",
            $"{client} connected to {server}:{port} {beacon.Connections} times every {beacon.MeanIntervalSeconds:0.0} s (CV {beacon.Cv:0.00}, score {beacon.Score:0.00}), like malware calling home"));
    }

    private void RememberSmbSweeper(in IpAddr client)
    {
        if (_smbSweepers.Count >= MaxSmbSweepers)
            _smbSweepers.Clear();
        _smbSweepers.Add(client);
    }

    private void OnClientPayload(ref DecodedPacket packet, ref Flow flow)
    {
        var match = MiningProtocolSniffer.Inspect(packet.Payload);
        if (match == MiningMatch.None)
            return;
        var target = $"{packet.Ip.Destination}:{packet.DestinationPort}";
        if (_sink.TryCountRepeat("edge.mining.stratum", packet.Ip.Source, target, packet.TimestampMicros))
            return;
        Report(Finding(ref packet, ref flow, "edge.mining.stratum", "Crypto-mining protocol", AlertCategories.Mining,
            Severity.High, EvidenceKinds.Stratum, target,
            $"{packet.Ip.Source} sent {MethodName(match)} to {target}: a crypto-miner talking to its pool"));
    }

    private void OnQuery(in PacketContext context, ref NameFacts facts, ReadOnlySpan<byte> qname, ushort qtype)
    {
        if (facts.KillSwitch)
            KillSwitch(context, ref facts, qname, qtype);
        else if (facts.Listing.IsThreat)
            IntelHit(context, qname, ref facts, EvidenceKinds.DnsQuery, "edge.intel.dns", "Lookup of a listed name", "looked up", DnsTypeNames.Get(qtype));
        else
            Typosquat(context, qname, ref facts, EvidenceKinds.DnsQuery, "looked up");
        if (facts.Listing.IsBenign)
            return;
        if ((facts.Known & NameFactKinds.Tunnel) == 0)
            LearnTunnel(ref facts, qname);
        if (facts.TunnelZoneStart >= 0
            && _tunnels.TryObserveCrossing(context.Source, facts.Tunnel, qtype, context.TimestampMicros, out var tunnel))
            Tunnel(context, ref facts, qname, qtype, tunnel);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void KillSwitch(in PacketContext context, ref NameFacts facts, ReadOnlySpan<byte> qname, ushort qtype)
    {
        var text = TextOf(ref facts, qname);
        if (!Repeated(context, "edge.wannacry.killswitch", text))
            Report(context, "edge.wannacry.killswitch", "WannaCry kill-switch lookup", AlertCategories.WannaCry, Severity.Critical,
                EvidenceKinds.DnsQuery, text, $"{context.Source} looked up {text}, the WannaCry kill switch: the worm runs on this host",
                list: null, qname: text, qtype: DnsTypeNames.Get(qtype));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Tunnel(in PacketContext context, ref NameFacts facts, ReadOnlySpan<byte> qname, ushort qtype, TunnelScore tunnel)
    {
        var zoneText = Text(qname[facts.TunnelZoneStart..]);
        Report(context, "edge.dns.tunnel", "DNS tunnel", AlertCategories.DnsTunnel, Severity.High, EvidenceKinds.DnsPattern, zoneText,
            $"{context.Source} sent {tunnel.Queries} queries under {zoneText} with {tunnel.UniqueSubdomains} distinct subdomains, labels of {tunnel.MeanLabelLength:0} characters and {tunnel.MeanEntropyBits:0.0} bits of entropy: data carried over DNS",
            list: null, qname: TextOf(ref facts, qname), qtype: DnsTypeNames.Get(qtype));
    }

    private void OnNameError(in PacketContext context, ref NameFacts facts, ReadOnlySpan<byte> qname)
    {
        if ((facts.Known & NameFactKinds.Dga) == 0)
            LearnDga(ref facts, qname);
        // The response goes to the client: it is the destination here.
        if (!facts.DgaCandidate || !_dga.Add(context.Destination, qname, context.TimestampMicros, out var names))
            return;
        Report(context, "edge.dga.burst", "Burst of generated domain names", AlertCategories.Dga, Severity.High,
            EvidenceKinds.DnsPattern, "dga-burst",
            $"{context.Destination} looked up {_options.DgaBurst} random-looking names that do not exist within {_options.DgaWindowSeconds} s (e.g. {names}): malware searching for its control server",
            list: null, qname: TextOf(ref facts, qname), rcode: "NXDOMAIN");
    }

    /// <summary>The cached facts of a message's question name and its presentation form in
    /// <paramref name="qname"/>; <see cref="NameFacts.Unreadable"/> when the name is invalid. Keyed
    /// by the name's wire bytes, which alone decide its text, so a repeated question is not read
    /// again; a compressed one is read and looked up by its text.</summary>
    private ref NameFacts QuestionFacts(DnsMessage message, out ReadOnlySpan<byte> qname)
    {
        qname = default;
        var raw = message.Raw;
        var offset = message.QuestionNameOffset;
        if (!WireName.TryGet(raw, offset, out var wire))
        {
            if (!DnsName.TryRead(raw, offset, _name, out var read))
            {
                _unreadable = new NameFacts { TextLength = NameFacts.Unreadable };
                return ref _unreadable;
            }
            qname = _name.AsSpan(0, read);
            return ref Facts(qname);
        }
        var snapshot = _intel.Current;
        ref var facts = ref _questions.Get(wire, snapshot, out var fresh, out var text);
        if (!fresh)
        {
            if (facts.TextLength >= 0)
                qname = text[..facts.TextLength];
            else if (facts.TextLength == NameFacts.TooLong && DnsName.TryRead(raw, offset, _name, out var again))
                qname = _name.AsSpan(0, again);
            return ref facts;
        }
        if (!DnsName.TryRead(raw, offset, _name, out var length))
        {
            facts.TextLength = NameFacts.Unreadable;
            return ref facts;
        }
        qname = _name.AsSpan(0, length);
        if (length <= text.Length)
        {
            qname.CopyTo(text);
            facts.TextLength = length;
        }
        else
            facts.TextLength = NameFacts.TooLong;
        facts.Listing = Listing.Of(snapshot, qname);
        facts.KillSwitch = KillSwitchDomains.Contains(qname);
        return ref facts;
    }

    /// <summary>The cached facts of a name, its listing and kill switch filled on first sight.</summary>
    private ref NameFacts Facts(ReadOnlySpan<byte> name)
    {
        var snapshot = _intel.Current;
        ref var facts = ref _names.Get(name, snapshot, out var fresh);
        if (fresh)
        {
            facts.Listing = Listing.Of(snapshot, name);
            facts.KillSwitch = KillSwitchDomains.Contains(name);
        }
        return ref facts;
    }

    private void LearnSquat(ref NameFacts facts, ReadOnlySpan<byte> name)
    {
        facts.Known |= NameFactKinds.Squat;
        if (_squats.Count > 0 && _squats.TryMatch(name, out var index, out var squat))
        {
            facts.SquatIndex = index;
            facts.Squat = squat;
        }
    }

    /// <summary>The tunnel zone (registrable domain plus one label) and what the name adds to its counters.</summary>
    private void LearnTunnel(ref NameFacts facts, ReadOnlySpan<byte> qname)
    {
        facts.Known |= NameFactKinds.Tunnel;
        facts.TunnelZoneStart = -1;
        if (!_suffixes.TryGetRegistrableDomain(qname, out var start) || !HostText.TryGetTunnelZone(qname, start, out var zone))
            return;
        facts.TunnelZoneStart = qname.Length - zone.Length;
        facts.Tunnel = _tunnels.Prepare(qname, zone);
    }

    /// <summary>Whether a name that did not exist counts towards a DGA burst: its registrable label
    /// scores as generated, and it is not benign, punycode (an IDN looks random by construction) or
    /// a typosquat (reported as one).</summary>
    private void LearnDga(ref NameFacts facts, ReadOnlySpan<byte> qname)
    {
        facts.Known |= NameFactKinds.Dga;
        if (!_suffixes.TryGetRegistrableLabel(qname, out var label) || facts.Listing.IsBenign || label.StartsWith("xn--"u8))
            return;
        if ((facts.Known & NameFactKinds.Squat) == 0)
            LearnSquat(ref facts, qname);
        facts.DgaCandidate = facts.Squat == SquatKind.None && _dgaModel.Score(label) >= _options.DgaThreshold;
    }

    private static string TextOf(ref NameFacts facts, ReadOnlySpan<byte> name) => facts.Text ??= Text(name);

    /// <summary>The answers of a response whose question was not looked up: the question is read
    /// at the first listed address, and an unreadable one stops the walk as it would have before it.</summary>
    private void OnAnswers(in PacketContext context, DnsMessage message)
    {
        var snapshot = _intel.Current;
        foreach (var record in message.Records)
        {
            // Answers come first (RFC 1035 §4.1): the authority and additional records need no walk.
            if (record.Section != DnsSection.Answer)
                return;
            if ((record.Type == DnsType.A || record.Type == DnsType.AAAA)
                && snapshot.TryMatchAddress(AnswerAddress(record), out var hit) && AlertCategories.IsThreatList(hit.List.Category))
            {
                if (QuestionFacts(message, out var qname).TextLength == NameFacts.Unreadable)
                    return;
                // From the first record again: those before this one were not listed.
                OnAnswers(context, message, qname);
                return;
            }
        }
    }

    private static IpAddr AnswerAddress(in DnsRecord record) =>
        record.Type == DnsType.A && record.Data.Length == 4 ? IpAddr.FromIPv4(record.Data)
        : record.Data.Length == 16 ? IpAddr.FromIPv6(record.Data) : default;

    private void OnAnswers(in PacketContext context, DnsMessage message, ReadOnlySpan<byte> qname)
    {
        var snapshot = _intel.Current;
        foreach (var record in message.Records)
        {
            if (record.Section != DnsSection.Answer)
                return;
            if (record.Type != DnsType.A && record.Type != DnsType.AAAA)
                continue;
            var address = AnswerAddress(record);
            if (address.Family != 0 && snapshot.TryMatchAddress(address, out var hit) && AlertCategories.IsThreatList(hit.List.Category))
                ListedAnswer(context, qname, address, hit);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ListedAnswer(in PacketContext context, ReadOnlySpan<byte> qname, IpAddr address, CidrMatch hit)
    {
        var indicator = address.ToString();
        if (Repeated(context, "edge.intel.dns-answer", indicator))
            return;
        Report(context, "edge.intel.dns-answer", "Name resolved to a listed address", hit.List.Category, SeverityOf(hit.List.Category),
            EvidenceKinds.DnsAnswer, indicator,
            $"{context.Destination} resolved {Text(qname)} to {address}, listed as {hit.List.Category} (list {hit.List.Source})",
            hit.List, qname: Text(qname));
    }

    private bool IntelHit(in PacketContext context, ReadOnlySpan<byte> name, ref NameFacts facts, string kind, string rule, string ruleName, string verb, string? qtype = null)
    {
        if (!facts.Listing.IsThreat)
            return false;
        var match = facts.Listing.Match;
        var text = TextOf(ref facts, name);
        if (Repeated(context, rule, text))
            return true;
        Report(context, rule, ruleName, match.List.Category, SeverityOf(match.List.Category), kind, text,
            $"{context.Source} {verb} {text}, listed as {match.List.Category} (list {match.List.Source})",
            match.List,
            qname: kind == EvidenceKinds.DnsQuery ? text : null,
            qtype: qtype,
            tls: kind == EvidenceKinds.TlsSni ? text : null,
            http: kind == EvidenceKinds.HttpHost ? text : null);
        return true;
    }

    private void Typosquat(in PacketContext context, ReadOnlySpan<byte> name, ref NameFacts facts, string kind, string verb)
    {
        if (_squats.Count == 0 || facts.Listing.IsBenign)
            return;
        if ((facts.Known & NameFactKinds.Squat) == 0)
            LearnSquat(ref facts, name);
        if (facts.Squat == SquatKind.None)
            return;
        var text = TextOf(ref facts, name);
        if (Repeated(context, "edge.typosquat", text))
            return;
        Report(context, "edge.typosquat", "Typosquat of an agency domain", AlertCategories.Typosquat, Severity.High, kind, text,
            $"{context.Source} {verb} {text}, a {SquatText(facts.Squat)} lookalike of the agency's {_squats[facts.SquatIndex]}",
            list: null,
            qname: kind == EvidenceKinds.DnsQuery ? text : null,
            tls: kind == EvidenceKinds.TlsSni ? text : null,
            http: kind == EvidenceKinds.HttpHost ? text : null);
    }

    private void Report(in PacketContext context, string rule, string ruleName, string category, Severity severity, string kind,
        string indicator, string evidence, IntelList? list, string? qname = null, string? qtype = null, string? tls = null, string? http = null,
        string? rcode = null) =>
        Report(new Finding
        {
            RuleId = rule,
            RuleName = ruleName,
            Category = category,
            Severity = severity,
            Kind = kind,
            Indicator = indicator,
            Evidence = evidence,
            TimestampMicros = context.TimestampMicros,
            Client = context.ToServer ? context.Source : context.Destination,
            ClientPort = context.ToServer ? context.SourcePort : context.DestinationPort,
            Server = context.ToServer ? context.Destination : context.Source,
            ServerPort = context.ToServer ? context.DestinationPort : context.SourcePort,
            Protocol = context.Protocol,
            FlowId = context.FlowId,
            IntelList = list?.Category,
            IntelSource = list?.Source,
            DnsQname = qname,
            DnsQtype = qtype,
            DnsRcode = rcode,
            TlsSni = tls,
            HttpHost = http,
        });

    private void Report(Finding finding) => _sink.Report(finding);

    /// <summary>True when the sink took this finding as a repeat of one already reported, so it
    /// need not be built. The client is as <see cref="Report(in PacketContext, string, string, string, Severity, string, string, string, IntelList?, string?, string?, string?, string?, string?)"/> sets it.</summary>
    private bool Repeated(in PacketContext context, string rule, string indicator) =>
        _sink.TryCountRepeat(rule, context.ToServer ? context.Source : context.Destination, indicator, context.TimestampMicros);

    private static Finding Finding(ref DecodedPacket packet, ref Flow flow, string rule, string ruleName, string category,
        Severity severity, string kind, string indicator, string evidence) => new()
        {
            RuleId = rule,
            RuleName = ruleName,
            Category = category,
            Severity = severity,
            Kind = kind,
            Indicator = indicator,
            Evidence = evidence,
            TimestampMicros = packet.TimestampMicros,
            Client = packet.Ip.Source,
            ClientPort = packet.SourcePort,
            Server = packet.Ip.Destination,
            ServerPort = packet.DestinationPort,
            Protocol = packet.Protocol,
            FlowId = flow.Id,
        };

    private static Severity SeverityOf(string category) => category switch
    {
        AlertCategories.Cnc or AlertCategories.Botnet => Severity.High,
        AlertCategories.Malware => Severity.High,
        AlertCategories.Phishing => Severity.Medium,
        _ => Severity.Medium,
    };

    private static bool StartsLikeJson(ReadOnlySpan<byte> payload)
    {
        var i = 0;
        while (i < payload.Length && payload[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
            i++;
        return i < payload.Length && payload[i] == (byte)'{';
    }

    private static string MethodName(MiningMatch match) => match switch
    {
        MiningMatch.StratumSubscribe => "mining.subscribe",
        MiningMatch.StratumAuthorize => "mining.authorize",
        MiningMatch.StratumSubmit => "mining.submit",
        MiningMatch.StratumOther => "a Stratum mining.* request",
        MiningMatch.XmrigLogin => "a Monero miner login",
        MiningMatch.XmrigSubmit => "a Monero share submit",
        _ => "a Monero keepalive",
    };

    /// <summary>The kind's name in lower case, as evidence text words it.</summary>
    private static string SquatText(SquatKind kind) => kind switch
    {
        SquatKind.Omission => "omission",
        SquatKind.Insertion => "insertion",
        SquatKind.Replacement => "replacement",
        SquatKind.Transposition => "transposition",
        SquatKind.Hyphenation => "hyphenation",
        SquatKind.Repetition => "repetition",
        SquatKind.Bitsquat => "bitsquat",
        SquatKind.Homoglyph => "homoglyph",
        SquatKind.Idn => "idn",
        SquatKind.TldSwap => "tldswap",
        _ => "none",
    };

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);
}

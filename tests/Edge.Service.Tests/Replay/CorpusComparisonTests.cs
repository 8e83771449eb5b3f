using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Service.EventLog;
using Edge.Watch.Tests.TestSupport;
using Xunit.Sdk;

namespace Edge.Service.Tests.Replay;

/// <summary>Every corpus pcap replayed and compared field by field with tshark's reference output
/// (../shared/corpora/truth). Any miss fails the test and is listed.</summary>
public class CorpusComparisonTests
{
    [Theory]
    [MemberData(nameof(Corpus.ScenarioData), MemberType = typeof(Corpus))]
    public void Events_match_tshark_truth(string scenario)
    {
        var replay = CorpusReplay.Run(Corpus.Pcap(scenario));
        using var truth = JsonDocument.Parse(File.ReadAllText(Corpus.Truth(scenario)));
        var root = truth.RootElement;
        var misses = new List<string>();

        Assert.Equal(0, replay.Result.Errors.Total);
        var icmpFrames = IcmpFrameNumbers(Corpus.Pcap(scenario));
        CompareDns(root.GetProperty("dns"), replay.Events, icmpFrames, misses);
        CompareTls(root.GetProperty("tls_client_hellos"), replay.Events, misses);
        CompareHttp(root.GetProperty("http_requests"), replay.Events, misses);
        CompareFlowCounts(root, replay.Events, misses);

        if (misses.Count > 0)
            throw new XunitException($"{scenario}: {misses.Count} difference(s) from tshark:\n  " + string.Join("\n  ", misses.Take(40)));
    }

    private static void CompareDns(JsonElement truth, List<EventRecord> events, HashSet<int> icmpFrames, List<string> misses)
    {
        var pool = events.Where(e => e.Type == "dns").ToList();
        foreach (var expected in truth.EnumerateArray())
        {
            var frame = expected.GetProperty("frame").GetInt32();
            // tshark also dissects the DNS message quoted inside an ICMP port-unreachable; that is an
            // error report about a datagram, not DNS traffic, and the sensor does not log it as such.
            if (icmpFrames.Contains(frame))
                continue;
            var isResponse = expected.GetProperty("response").GetBoolean();
            var match = TakeMatch(pool, expected, e => e.Dns!.Id == expected.GetProperty("id").GetInt32()
                && e.Dns.Qr == (isResponse ? "response" : "query"));
            if (match is null)
            {
                misses.Add($"dns frame {frame}: no event for id {expected.GetProperty("id").GetInt32()} {(isResponse ? "response" : "query")} {Endpoints(expected)}");
                continue;
            }
            var dns = match.Dns!;
            Check(misses, "dns", frame, "qname", Str(expected, "qname"), TsharkName(dns.Qname));
            Check(misses, "dns", frame, "qtype", Str(expected, "qtype"), dns.Qtype);
            if (expected.TryGetProperty("edns_udp_size", out var edns) && edns.ValueKind == JsonValueKind.Number)
                Check(misses, "dns", frame, "edns udp size", edns.GetInt32().ToString(CultureInfo.InvariantCulture), dns.Edns?.UdpSize.ToString(CultureInfo.InvariantCulture));
            if (!isResponse)
                continue;
            Check(misses, "dns", frame, "rcode", Str(expected, "rcode"), dns.Rcode);
            Check(misses, "dns", frame, "tc", expected.GetProperty("tc").GetBoolean().ToString(), dns.Tc.ToString());
            Check(misses, "dns", frame, "ancount", expected.GetProperty("ancount").GetInt32().ToString(CultureInfo.InvariantCulture), dns.Ancount.ToString(CultureInfo.InvariantCulture));
            CompareAnswers(expected, dns, frame, misses);
        }
    }

    private static void CompareAnswers(JsonElement expected, DnsEvent dns, int frame, List<string> misses)
    {
        if (!expected.TryGetProperty("answers", out var answers) || answers.ValueKind != JsonValueKind.Object)
            return;
        foreach (var byType in answers.EnumerateObject())
        {
            var ours = (dns.Answers ?? []).Where(a => a.Type == byType.Name).ToList();
            if (byType.Name == "HTTPS")
            {
                Check(misses, "dns", frame, "HTTPS answers", byType.Value.EnumerateArray().Count().ToString(CultureInfo.InvariantCulture), ours.Count.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            var want = string.Join(" | ", byType.Value.EnumerateArray().Select(v => v.ToString()));
            var got = string.Join(" | ", ours.Select(a => a.Data));
            Check(misses, "dns", frame, byType.Name + " answers", want, got);
        }
    }

    private static void CompareTls(JsonElement truth, List<EventRecord> events, List<string> misses)
    {
        var pool = events.Where(e => e.Type == "tls").ToList();
        foreach (var expected in truth.EnumerateArray())
        {
            var frame = expected.GetProperty("frame").GetInt32();
            var match = TakeMatch(pool, expected, _ => true);
            if (match is null)
            {
                misses.Add($"tls frame {frame}: no ClientHello event {Endpoints(expected)}");
                continue;
            }
            var tls = match.Tls!;
            Check(misses, "tls", frame, "sni", Str(expected, "sni"), tls.Sni);
            Check(misses, "tls", frame, "alpn", List(expected, "alpn"), string.Join(",", tls.Alpn ?? []));
            Check(misses, "tls", frame, "handshake version", Str(expected, "handshake_version"), tls.Version);
            Check(misses, "tls", frame, "supported versions", List(expected, "supported_versions"), string.Join(",", tls.SupportedVersions ?? []));
            Check(misses, "tls", frame, "ja3", Str(expected, "ja3"), tls.Ja3);
            Check(misses, "tls", frame, "ja3 string", Str(expected, "ja3_full"), tls.Ja3String);
        }
    }

    private static void CompareHttp(JsonElement truth, List<EventRecord> events, List<string> misses)
    {
        var pool = events.Where(e => e.Type == "http").ToList();
        foreach (var expected in truth.EnumerateArray())
        {
            var frame = expected.GetProperty("frame").GetInt32();
            var match = TakeMatch(pool, expected, _ => true);
            if (match is null)
            {
                misses.Add($"http frame {frame}: no request event {Endpoints(expected)}");
                continue;
            }
            var http = match.Http!;
            Check(misses, "http", frame, "method", Str(expected, "method"), http.Method);
            Check(misses, "http", frame, "host", Str(expected, "host"), http.Host);
            Check(misses, "http", frame, "uri", Str(expected, "uri"), http.Uri);
            Check(misses, "http", frame, "user agent", Str(expected, "user_agent"), http.UserAgent);
        }
    }

    private static void CompareFlowCounts(JsonElement root, List<EventRecord> events, List<string> misses)
    {
        var counts = root.GetProperty("counts");
        var tcp = events.Count(e => e.Type == "flow" && e.Proto == "TCP");
        var udp = events.Count(e => e.Type == "flow" && e.Proto == "UDP");
        Check(misses, "flows", 0, "TCP streams", counts.GetProperty("tcp_streams").GetInt32().ToString(CultureInfo.InvariantCulture), tcp.ToString(CultureInfo.InvariantCulture));
        Check(misses, "flows", 0, "UDP streams", counts.GetProperty("udp_streams").GetInt32().ToString(CultureInfo.InvariantCulture), udp.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Finds (and removes, so none is matched twice) the event with the same 5-tuple and
    /// capture time as a truth entry.</summary>
    private static EventRecord? TakeMatch(List<EventRecord> pool, JsonElement expected, Func<EventRecord, bool> also)
    {
        var micros = (long)Math.Round(expected.GetProperty("ts").GetDouble() * 1e6);
        var src = expected.GetProperty("src").GetString();
        var dst = expected.GetProperty("dst").GetString();
        var sport = expected.GetProperty("sport").GetInt32();
        var dport = expected.GetProperty("dport").GetInt32();
        for (var i = 0; i < pool.Count; i++)
        {
            var e = pool[i];
            if (e.SrcIp != src || e.DstIp != dst || e.SrcPort != sport || e.DstPort != dport)
                continue;
            if (Math.Abs(Micros(e.Ts) - micros) > 1 || !also(e))
                continue;
            pool.RemoveAt(i);
            return e;
        }
        return null;
    }

    /// <summary>The sensor keeps a non-ASCII octet lossless as \DDD (RFC 4343 presentation); tshark shows
    /// it as U+FFFD. Convert ours to tshark's form for the comparison.</summary>
    private static string? TsharkName(string? name) =>
        name is null ? null : Regex.Replace(name, @"\\(12[89]|1[3-9][0-9]|2[0-5][0-9])", "\uFFFD");

    private static HashSet<int> IcmpFrameNumbers(string pcap)
    {
        var numbers = new HashSet<int>();
        foreach (var frame in PcapFile.Read(pcap))
        {
            var data = frame.Data;
            if (data.Length < 34)
                continue;
            var etherType = (data[12] << 8) | data[13];
            var protocol = etherType == 0x0800 ? data[23] : etherType == 0x86DD ? data[20] : -1;
            if (protocol is 1 or 58)
                numbers.Add(frame.Number);
        }
        return numbers;
    }

    private static long Micros(string iso) =>
        (DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) - DateTime.UnixEpoch).Ticks / 10;

    private static string Endpoints(JsonElement e) =>
        $"{e.GetProperty("src").GetString()}:{e.GetProperty("sport")} -> {e.GetProperty("dst").GetString()}:{e.GetProperty("dport")} at {e.GetProperty("ts")}";

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    private static string List(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? string.Join(",", value.EnumerateArray().Select(v => v.GetString()))
            : "";

    private static void Check(List<string> misses, string kind, int frame, string field, string? want, string? got)
    {
        if (!string.Equals(want, got, StringComparison.Ordinal))
            misses.Add($"{kind} frame {frame}: {field} expected '{want}' got '{got}'");
    }
}

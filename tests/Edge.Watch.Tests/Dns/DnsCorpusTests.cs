using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Tests.TestSupport;
using Xunit;

namespace Edge.Watch.Tests.Dns;

/// <summary>Every UDP DNS message of every corpus pcap against tshark's facts in truth/*.json.
/// Truth entries with transport "tcp" are skipped: those need stream reassembly, the engine's job.
/// So are ICMP errors quoting a DNS datagram (tshark lists the quoted message; it is not DNS traffic).</summary>
public partial class DnsCorpusTests
{
    [Theory]
    [MemberData(nameof(Corpus.ScenarioData), MemberType = typeof(Corpus))]
    public void Udp_messages_match_tshark_truth(string scenario)
    {
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Corpus.Truth(scenario)));
        var icmp = CorpusDns.IcmpFrames(scenario);
        var expected = new Dictionary<int, JsonElement>();
        foreach (var entry in truth.RootElement.GetProperty("dns").EnumerateArray())
        {
            if (entry.GetProperty("transport").GetString() == "udp" && !icmp.Contains(entry.GetProperty("frame").GetInt32()))
                expected.Add(entry.GetProperty("frame").GetInt32(), entry);
        }

        var payloads = CorpusDns.UdpPayloads(scenario);
        Assert.Equal(expected.Keys.Order(), payloads.Select(p => p.Frame));
        foreach (var payload in payloads)
            Check(payload, expected[payload.Frame]);
    }

    private static void Check(CorpusDns.Payload payload, JsonElement truth)
    {
        var wire = payload.Data;
        var where = $"frame {payload.Frame}";
        var status = DnsMessageReader.TryParse(wire, out var m, out var error);
        Assert.True(status == ParseStatus.Done, $"{where}: {status} {error}");
        Assert.True(truth.GetProperty("id").GetInt32() == m.Id, where);
        Assert.True(truth.GetProperty("response").GetBoolean() == m.IsResponse, where);
        Assert.True(m.HasQuestion, where);
        Assert.Equal(truth.GetProperty("qname").GetString(), AsTshark(DnsTestText.Name(wire, m.QuestionNameOffset)));
        Assert.Equal(truth.GetProperty("qtype").GetString(), DnsTypeNames.Get(m.QuestionType));
        var udpSize = truth.GetProperty("edns_udp_size");
        Assert.Equal(udpSize.ValueKind == JsonValueKind.Null ? (int?)null : udpSize.GetInt32(), m.HasEdns ? m.EdnsUdpSize : (int?)null);
        if (!m.IsResponse)
            return;

        Assert.Equal(truth.GetProperty("rcode").GetString(), DnsRcodeNames.Get(m.Rcode));
        Assert.True(truth.GetProperty("tc").GetBoolean() == m.Truncated, where);
        Assert.True(truth.GetProperty("ancount").GetInt32() == m.AnswerCount, where);

        // tshark's dns.a, dns.cname ... fields cover every section, so compare over every record.
        var answers = new Dictionary<string, List<string>>();
        var https = 0;
        foreach (var record in m.Records)
        {
            var type = DnsTypeNames.Get(record.Type);
            if (type == "HTTPS")
                https++;
            if (type is "A" or "AAAA" or "CNAME" or "MX" or "TXT" or "PTR")
            {
                var text = DnsTestText.Rdata(wire, record);
                Assert.True(text is not null, $"{where}: {type} not formatted");
                if (!answers.TryGetValue(type, out var list))
                    answers[type] = list = [];
                list.Add(text);
            }
        }

        var expectedHttps = 0;
        var expectedTypes = new List<string>();
        foreach (var property in truth.GetProperty("answers").EnumerateObject())
        {
            if (property.Name == "HTTPS")
            {
                expectedHttps = property.Value.GetArrayLength();
                continue;
            }
            expectedTypes.Add(property.Name);
            var values = property.Value.EnumerateArray().Select(v => v.GetString()!).ToList();
            Assert.True(answers.TryGetValue(property.Name, out var actual), $"{where}: no {property.Name}");
            Assert.Equal(values, actual.Select(AsTshark));
        }
        Assert.Equal(expectedTypes.Order(), answers.Keys.Order());
        Assert.True(expectedHttps == https, $"{where}: HTTPS {https}, truth {expectedHttps}");
    }

    /// <summary>tshark shows the root as &lt;Root&gt; and an octet that is not UTF-8 as U+FFFD,
    /// where the codec writes "." and \DDD.</summary>
    private static string? AsTshark(string? text) => text switch
    {
        null => null,
        "." => "<Root>",
        _ => HighOctet().Replace(text, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 128 ? "\uFFFD" : m.Value),
    };

    [GeneratedRegex(@"\\(\d{3})")]
    private static partial Regex HighOctet();
}

using System.Diagnostics;
using Edge.Cli.Synth.Scenario;
using Edge.Cli.Tests.TestSupport;

namespace Edge.Cli.Tests.Synth;

/// <summary>
/// Lets Wireshark judge the generator: checksums on, no malformed packets, no expert warnings except
/// the RSTs that are in the scenario on purpose, and the DNS/TLS/HTTP it decodes is what we meant.
/// </summary>
public sealed class TsharkVerificationTests : IDisposable
{
    private static readonly string[] s_checksums =
        ["-o", "tcp.check_checksum:TRUE", "-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE"];

    private readonly string _dir = Directory.CreateTempSubdirectory("edgectl-tshark-").FullName;
    private readonly string _pcap;

    public TsharkVerificationTests()
    {
        _pcap = Path.Combine(_dir, "synth.pcap");
        File.WriteAllBytes(_pcap, Pcaps.Generate(seed: 1));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Only_deliberate_resets_raise_warnings()
    {
        var rows = Fields("_ws.malformed || _ws.expert.severity >= warning", "tcp.flags.reset", "_ws.expert.message");
        // Expected: 3 RST/ACK answers in the 445 sweep, the one aborted HTTP download, and the scan's
        // closed ports (7 of the 8 probed on each of its hosts).
        Assert.Equal(4 + (SynthScenario.ScanHosts * 7), rows.Count);
        Assert.All(rows, r => Assert.Equal(["1", "Connection reset (RST)"], r));
    }

    [Fact]
    public void Dns_messages_decode_with_every_type_and_rcode()
    {
        var rows = Fields("dns", "dns.flags.response", "dns.qry.type", "dns.flags.rcode", "dns.qry.name");
        Assert.Equal(rows.Count(r => r[0] == "0"), rows.Count(r => r[0] == "1"));
        var responses = rows.Where(r => r[0] == "1").ToList();
        foreach (var type in new[] { "1", "28", "5", "15", "16", "12", "65" })
            Assert.Contains(rows, r => r[1] == type || (type == "5" && r[3].Contains("www.shop.example", StringComparison.Ordinal)));
        Assert.Contains(responses, r => r[2] == "3" && r[3] == SynthScenario.WannaCryKillSwitch);
        Assert.Contains(responses, r => r[2] == "2");
        // The DGA burst, the kill switch, the benign NXDOMAIN and the typosquat that does not resolve.
        Assert.Equal(SynthScenario.DgaNames.Length + 3, responses.Count(r => r[2] == "3"));
        Assert.Equal(SynthScenario.TunnelQueries, responses.Count(r => r[3].EndsWith(SynthScenario.TunnelZone, StringComparison.Ordinal)));
        Assert.NotEmpty(Fields("dns.resp.z.do == 1 && dns.flags.response == 0", "dns.qry.name"));
        Assert.NotEmpty(Fields("dns.cname && dns.count.answers == 3", "dns.qry.name"));
        Assert.Single(Fields("tcp.port == 53 && dns.flags.response == 1 && tcp.reassembled.length > 0", "dns.qry.name"));
        Assert.Single(Fields("ip.frag_offset > 0 && dns", "dns.qry.name"));
    }

    [Fact]
    public void Client_hellos_carry_sni_alpn_and_ja3()
    {
        var hellos = Fields("tls.handshake.type == 1", "tls.handshake.extensions_server_name", "tls.handshake.extensions_alpn_str",
            "tls.handshake.ja3", "tls.handshake.extensions.supported_version");
        var names = hellos.Select(h => h[0]).ToList();
        Assert.Contains(SynthScenario.PhishingHost, names);
        Assert.Contains(SynthScenario.DohName, names);
        Assert.Contains("www.example.com", names);
        Assert.Contains("", names);
        Assert.All(hellos, h => Assert.Matches("^[0-9a-f]{32}$", h[2]));
        Assert.Contains(hellos, h => h[1] == "h2,http/1.1" && h[3].Contains("0x0304", StringComparison.Ordinal));
        Assert.Contains(hellos, h => h[1] == "http/1.1" && h[3].Length == 0);
        Assert.Equal(2, Fields("tls.handshake.type == 1 && tcp.reassembled.length > 0", "frame.number").Count);
    }

    [Fact]
    public void Http_requests_decode_with_host_and_user_agent()
    {
        var requests = Fields("http.request", "http.request.method", "http.host", "http.user_agent", "vlan.id");
        Assert.Equal(SynthScenario.BeaconCount, requests.Count(r => r[1] == SynthScenario.BeaconHost && r[2] == SynthScenario.BeaconUserAgent));
        Assert.Contains(requests, r => r[0] == "POST");
        Assert.Contains(requests, r => r[3] == "77");
        Assert.All(requests, r => Assert.NotEmpty(r[2]));
    }

    private List<string[]> Fields(string filter, params string[] fields)
    {
        var tshark = FindTshark() ?? throw new InvalidOperationException("unreachable");
        var start = new ProcessStartInfo(tshark)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["-n", "-r", _pcap, .. s_checksums, "-Y", filter, "-T", "fields", ])
            start.ArgumentList.Add(arg);
        foreach (var field in fields)
        {
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(field);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"tshark failed: {stderr.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
    }

    private static string? FindTshark()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "tshark")).FirstOrDefault(File.Exists);
        if (found is null)
            Assert.Skip("tshark is not installed (apt-get install tshark); Wireshark verification skipped");
        return found;
    }
}

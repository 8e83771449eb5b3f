using System.Text;
using System.Text.Json;
using Edge.Detect.Protocols;
using Edge.Detect.Tests.Behaviour;

namespace Edge.Detect.Tests.Protocols;

public sealed class MiningProtocolSnifferCorpusTests
{
    [Theory]
    [InlineData("mining")]
    [InlineData("mixed")]
    public void Recognises_every_jsonrpc_line_of_the_truth_and_nothing_else(string scenario)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(CorpusCapture.TruthPath(scenario)));
        var expected = truth.RootElement.GetProperty("jsonrpc").EnumerateArray()
            .ToDictionary(e => e.GetProperty("frame").GetInt32(), e => KindOf(e.GetProperty("method").GetString()!));
        Assert.NotEmpty(expected);

        var found = new Dictionary<int, MiningMatch>();
        foreach (var (frame, toServer, payload) in ClientPayloads.Read(scenario))
        {
            var match = MiningProtocolSniffer.Inspect(payload);
            if (toServer && match != MiningMatch.None)
                found[frame] = match;
        }

        Assert.Equal(expected.OrderBy(p => p.Key), found.OrderBy(p => p.Key));
    }

    [Theory]
    [InlineData("benign")]
    [InlineData("http")]
    [InlineData("tls-sni")]
    public void No_payload_of_benign_captures_matches_in_either_direction(string scenario)
    {
        var payloads = ClientPayloads.Read(scenario);
        Assert.NotEmpty(payloads);
        Assert.All(payloads, p => Assert.Equal(MiningMatch.None, MiningProtocolSniffer.Inspect(p.Payload)));
    }

    [Fact]
    public void Pool_replies_that_name_mining_methods_inside_strings_do_not_match()
    {
        var server = ClientPayloads.Read("mining").Where(p => !p.ToServer).Select(p => Encoding.ASCII.GetString(p.Payload)).ToList();
        var reply = server.First(text => text.Contains("\"result\":[[[\"mining.set_difficulty\"", StringComparison.Ordinal));
        Assert.Equal(MiningMatch.None, MiningProtocolSniffer.Inspect(Encoding.ASCII.GetBytes(reply)));
        // A pool's own push is a real mining.* method; only the caller's direction keeps it out of client alerts.
        var push = server.First(text => text.Contains("\"method\":\"mining.notify\"", StringComparison.Ordinal));
        Assert.Equal(MiningMatch.StratumOther, MiningProtocolSniffer.Inspect(Encoding.ASCII.GetBytes(push)));
    }

    [Fact]
    public void Names_the_worker_of_authorize_and_the_login_of_xmrig()
    {
        var workers = new HashSet<string>();
        foreach (var (_, toServer, payload) in ClientPayloads.Read("mining"))
        {
            if (toServer && MiningProtocolSniffer.Inspect(payload, out var worker) is MiningMatch.StratumAuthorize or MiningMatch.XmrigLogin)
                workers.Add(Encoding.ASCII.GetString(payload.AsSpan()[worker]));
        }
        Assert.Contains("bc1qlabwalletaaaa0000.rig01", workers);
        Assert.Contains(workers, w => w.StartsWith("44AFFq5kSiGBoZ4NMDwYtN18", StringComparison.Ordinal));
    }

    private static MiningMatch KindOf(string method) => method switch
    {
        "mining.subscribe" => MiningMatch.StratumSubscribe,
        "mining.authorize" => MiningMatch.StratumAuthorize,
        "mining.submit" => MiningMatch.StratumSubmit,
        "login" => MiningMatch.XmrigLogin,
        "submit" => MiningMatch.XmrigSubmit,
        "keepalived" => MiningMatch.XmrigKeepalived,
        _ when method.StartsWith("mining.", StringComparison.Ordinal) => MiningMatch.StratumOther,
        _ => MiningMatch.None,
    };
}

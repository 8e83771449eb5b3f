using System.Text;
using Edge.Detect.Protocols;

namespace Edge.Detect.Tests.Protocols;

public sealed class MiningProtocolSnifferTests
{
    [Theory]
    [InlineData("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}\n", MiningMatch.StratumSubscribe)]
    [InlineData("{\"params\":[\"w\",\"x\"],\"id\":2,\"method\":\"mining.authorize\"}", MiningMatch.StratumAuthorize)]
    [InlineData("{ \"method\" : \"mining.extranonce.subscribe\" , \"id\" : 3 , \"params\" : [ ] }\r\n", MiningMatch.StratumOther)]
    [InlineData("{\"id\":1,\"method\":\"login\",\"params\":{\"login\":\"w\",\"pass\":\"x\",\"agent\":\"XMRig/6\"}}", MiningMatch.XmrigLogin)]
    [InlineData("{\"id\":2,\"method\":\"submit\",\"params\":{\"id\":\"1\",\"job_id\":\"1\",\"nonce\":\"00\",\"result\":\"ab\"}}", MiningMatch.XmrigSubmit)]
    [InlineData("{\"id\":3,\"method\":\"keepalived\",\"params\":{\"id\":\"1\"}}", MiningMatch.XmrigKeepalived)]
    public void Recognises_pool_methods(string line, MiningMatch expected) =>
        Assert.Equal(expected, MiningProtocolSniffer.Inspect(Encoding.UTF8.GetBytes(line)));

    [Theory]
    [InlineData("{\"id\":1,\"note\":\"\\\"method\\\":\\\"mining.subscribe\\\"\",\"method\":\"eth_call\"}")]
    [InlineData("{\"id\":\"mining.subscribe\",\"params\":{\"method\":\"mining.submit\"}}")]
    [InlineData("{\"id\":1,\"method\":\"login\",\"params\":{\"login\":\"user\",\"pass\":\"x\"}}")]
    [InlineData("{\"id\":1,\"method\":\"submit\",\"params\":[\"form\"]}")]
    [InlineData("{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]")]
    [InlineData("{\"id\":1,\"method\":\"mining.subscribe\" \"params\":[]}")]
    [InlineData("{\"id\":1,\"method\":\"mining.\"}")]
    [InlineData("GET /?{\"method\":\"mining.subscribe\"} HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("[{\"method\":\"mining.subscribe\"}]")]
    public void Ignores_lookalikes_nested_methods_and_broken_objects(string text) =>
        Assert.Equal(MiningMatch.None, MiningProtocolSniffer.Inspect(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Reads_every_line_and_reports_the_first_match_with_the_first_worker()
    {
        var payload = Encoding.UTF8.GetBytes(
            "{\"id\":9,\"method\":\"status\"}\n{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"cpuminer\"]}\n" +
            "{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"wallet.rig\\\"7\",\"x\"]}\n");
        Assert.Equal(MiningMatch.StratumSubscribe, MiningProtocolSniffer.Inspect(payload, out var worker));
        Assert.Equal("wallet.rig\\\"7", Encoding.UTF8.GetString(payload.AsSpan()[worker]));
    }

    [Fact]
    public void Resynchronises_at_a_newline_after_a_segment_that_starts_mid_object()
    {
        var payload = Encoding.UTF8.GetBytes("ce\":\"x\"}]}\n{\"id\":4,\"method\":\"mining.submit\",\"params\":[\"w\",\"1\"]}\n");
        Assert.Equal(MiningMatch.StratumSubmit, MiningProtocolSniffer.Inspect(payload));
    }

    [Fact]
    public void Refuses_nesting_deeper_than_the_limit()
    {
        const int BeyondTheLimitOf16 = 18;
        var deep = new string('[', BeyondTheLimitOf16) + new string(']', BeyondTheLimitOf16);
        var payload = Encoding.UTF8.GetBytes("{\"method\":\"mining.subscribe\",\"params\":[" + deep + "]}");
        Assert.Equal(MiningMatch.None, MiningProtocolSniffer.Inspect(payload));
        var shallow = Encoding.UTF8.GetBytes("{\"method\":\"mining.subscribe\",\"params\":[[[[1]]]]}");
        Assert.Equal(MiningMatch.StratumSubscribe, MiningProtocolSniffer.Inspect(shallow));
    }
}

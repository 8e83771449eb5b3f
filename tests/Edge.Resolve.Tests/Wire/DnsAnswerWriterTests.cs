using Edge.Resolve.Tests.TestSupport;
using Edge.Resolve.Wire;

namespace Edge.Resolve.Tests.Wire;

public class DnsAnswerWriterTests
{
    private static byte[] Write(byte[] message, int rcode, int limit, params (ushort Type, uint Ttl, byte[] Data)[] records)
    {
        var name = new byte[DnsQueryReader.NameBufferLength];
        DnsQueryReader.Read(message, name, out var query);
        var buffer = new byte[65535];
        var writer = new DnsAnswerWriter(buffer, query, rcode, limit, 1232);
        foreach (var (type, ttl, data) in records)
            writer.AddAnswer(type, ttl, data);
        return buffer[..writer.Finish()];
    }

    [Fact]
    public void Echoes_id_rd_and_the_question_with_its_case()
    {
        var query = Query.Build("WwW.ExAmPlE.cOm", id: 0x4242);
        var response = Write(query, DnsFlags.NoError, 512, ((ushort)1, 60u, new byte[] { 192, 0, 2, 1 }));
        var decoded = Decoded.Of(response);
        Assert.Equal(0x4242, decoded.Id);
        Assert.True(decoded.Response);
        Assert.True(decoded.RecursionDesired);
        Assert.True(decoded.RecursionAvailable);
        Assert.Equal("WwW.ExAmPlE.cOm", decoded.QuestionName);
        Assert.Equal(query[12..], response[12..query.Length]);
        var answer = Assert.Single(decoded.Answers);
        Assert.Equal("WwW.ExAmPlE.cOm", answer.Name);
        Assert.Equal(60u, answer.Ttl);
        Assert.False(decoded.HasEdns);
    }

    [Fact]
    public void Opt_only_when_the_client_sent_edns_with_its_do_bit()
    {
        var plain = Decoded.Of(Write(Query.Build("example.com"), DnsFlags.ServFail, 512));
        Assert.False(plain.HasEdns);
        var edns = Decoded.Of(Write(Query.Build("example.com", edns: new Edns(4096, DnssecOk: true)), DnsFlags.ServFail, 1232));
        Assert.True(edns.HasEdns);
        Assert.Equal(1232, edns.EdnsUdpSize);
        Assert.True(edns.DnssecOk);
        Assert.Equal(DnsFlags.ServFail, edns.Rcode);
    }

    [Fact]
    public void Badvers_is_carried_in_the_opt_record()
    {
        var decoded = Decoded.Of(Write(Query.Build("example.com", edns: new Edns(Version: 1)), DnsFlags.BadVers, 1232));
        Assert.Equal(16, decoded.Rcode);
    }

    [Fact]
    public void Answers_over_the_limit_become_header_question_and_opt_with_tc()
    {
        var query = Query.Build("many.example", edns: new Edns(512));
        var response = Write(query, DnsFlags.NoError, 512,
            [.. Enumerable.Range(0, 40).Select(i => ((ushort)1, 60u, new byte[] { 192, 0, 2, (byte)i }))]);
        var decoded = Decoded.Of(response);
        Assert.True(decoded.Truncated);
        Assert.Empty(decoded.Answers);
        Assert.True(decoded.HasEdns);
        Assert.Equal(query.Length, response.Length);
    }
}

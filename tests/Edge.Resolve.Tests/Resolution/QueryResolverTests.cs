using System.Net;
using Edge.Detect.Intel;
using Edge.Resolve.Policy;
using Edge.Resolve.Resolution;
using Edge.Resolve.Tests.TestSupport;
using Edge.Watch.Dns;

namespace Edge.Resolve.Tests.Resolution;

public class QueryResolverTests
{
    private static readonly IntelList Phishing = new("feed", IntelCategories.Phishing);

    [Fact]
    public void A_blocked_name_gets_nxdomain_with_a_soa_for_negative_caching()
    {
        var resolver = Resolvers.Create(intel: Resolvers.Snapshot(("evil.example", Phishing)));
        var query = Query.Build("WWW.Evil.Example", id: 99, edns: new Edns(4096));
        var (verdict, response) = resolver.Ask(query);
        Assert.Equal(QueryVerdict.Blocked, verdict);
        var decoded = Decoded.Of(response);
        Assert.Equal(99, decoded.Id);
        Assert.Equal(3, decoded.Rcode);
        Assert.Equal("WWW.Evil.Example", decoded.QuestionName);
        Assert.Empty(decoded.Answers);
        var soa = Assert.Single(decoded.Authority);
        Assert.Equal(DnsType.SOA, soa.Type);
        Assert.Equal(300u, soa.Ttl);
        Assert.Equal(300u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(soa.Data.AsSpan(soa.Data.Length - 4)));
        Assert.True(decoded.HasEdns);
        Assert.Equal(1, resolver.Counters.Blocked);
    }

    [Fact]
    public void Nodata_block_answer_is_noerror_with_soa()
    {
        var resolver = Resolvers.Create(new ResolverOptions { BlockAnswer = BlockAnswer.NoData, BlockTtl = TimeSpan.FromSeconds(60) },
            intel: Resolvers.Snapshot(("evil.example", Phishing)));
        var decoded = Decoded.Of(resolver.Ask(Query.Build("evil.example")).Response);
        Assert.Equal(0, decoded.Rcode);
        Assert.Empty(decoded.Answers);
        Assert.Equal(60u, Assert.Single(decoded.Authority).Ttl);
    }

    [Fact]
    public void The_block_page_answers_a_and_aaaa_and_nodata_otherwise()
    {
        var options = new ResolverOptions
        {
            BlockAnswer = BlockAnswer.BlockPage,
            BlockPageV4 = IPAddress.Parse("10.77.0.1"),
            BlockPageV6 = IPAddress.Parse("2001:db8:77::1"),
        };
        var resolver = Resolvers.Create(options, intel: Resolvers.Snapshot(("evil.example", Phishing)));
        var a = Assert.Single(Decoded.Of(resolver.Ask(Query.Build("evil.example", type: 1)).Response).Answers);
        Assert.Equal(new byte[] { 10, 77, 0, 1 }, a.Data);
        Assert.Equal(300u, a.Ttl);
        var aaaa = Assert.Single(Decoded.Of(resolver.Ask(Query.Build("evil.example", type: 28)).Response).Answers);
        Assert.Equal(IPAddress.Parse("2001:db8:77::1").GetAddressBytes(), aaaa.Data);
        var mx = Decoded.Of(resolver.Ask(Query.Build("evil.example", type: 15)).Response);
        Assert.Equal(0, mx.Rcode);
        Assert.Empty(mx.Answers);
        Assert.Single(mx.Authority);

        var noV6 = Resolvers.Create(new ResolverOptions { BlockAnswer = BlockAnswer.BlockPage, BlockPageV4 = IPAddress.Parse("10.77.0.1") },
            intel: Resolvers.Snapshot(("evil.example", Phishing)));
        Assert.Empty(Decoded.Of(noV6.Ask(Query.Build("evil.example", type: 28)).Response).Answers);
    }

    [Fact]
    public void Rpz_local_data_answers_its_addresses_and_drop_sends_nothing()
    {
        var local = new IntelList("zone.rpz", "rpz", IntelAction.LocalData,
            localData: [IPAddress.Parse("192.0.2.10"), IPAddress.Parse("192.0.2.11"), IPAddress.Parse("2001:db8::10")]);
        var intel = Resolvers.Snapshot(("walled.example", local), ("dropped.example", new IntelList("zone.rpz", "rpz", IntelAction.Drop)));
        var resolver = Resolvers.Create(intel: intel);
        var (verdict, response) = resolver.Ask(Query.Build("walled.example"));
        Assert.Equal(QueryVerdict.Blocked, verdict);
        Assert.Equal(2, Decoded.Of(response).Answers.Count());
        Assert.Single(Decoded.Of(resolver.Ask(Query.Build("walled.example", type: 28)).Response).Answers);
        Assert.Empty(Decoded.Of(resolver.Ask(Query.Build("walled.example", type: 16)).Response).Answers);

        (verdict, response) = resolver.Ask(Query.Build("dropped.example"));
        Assert.Equal(QueryVerdict.Dropped, verdict);
        Assert.Empty(response);
    }

    [Fact]
    public void Error_answers_carry_their_rcode_and_responses_are_dropped()
    {
        var resolver = Resolvers.Create();
        var formErr = resolver.Ask(Query.With16(Query.Build("example.com"), 6, 1));
        Assert.Equal(QueryVerdict.Answered, formErr.Verdict);
        Assert.Equal(1, Decoded.Of(formErr.Response).Rcode);

        var headerOnly = resolver.Ask(Query.With16(Query.Build("example.com"), 4, 0));
        Assert.Equal(12, headerOnly.Response.Length);
        Assert.Equal(1, Decoded.Of(headerOnly.Response).Rcode);

        Assert.Equal(4, Decoded.Of(resolver.Ask(Query.Build("example.com", flags: 0x2800)).Response).Rcode);
        var badVers = Decoded.Of(resolver.Ask(Query.Build("example.com", edns: new Edns(Version: 2))).Response);
        Assert.Equal(16, badVers.Rcode);
        Assert.True(badVers.HasEdns);
        Assert.Equal(5, Decoded.Of(resolver.Ask(Query.Build("example.com", type: 252)).Response).Rcode);

        var response = resolver.Ask(Query.Build("example.com", flags: 0x8180));
        Assert.Equal(QueryVerdict.Dropped, response.Verdict);
        Assert.Equal(QueryVerdict.Dropped, resolver.Ask(new byte[5]).Verdict);
        Assert.Equal(2, resolver.Counters.Dropped);
        Assert.Equal(5, resolver.Counters.FormErr);
    }

    [Fact]
    public void Any_over_udp_gets_the_rfc8482_hinfo_and_over_tcp_goes_upstream()
    {
        var resolver = Resolvers.Create();
        var query = Query.Build("example.com", type: 255);
        var (verdict, response) = resolver.Ask(query);
        Assert.Equal(QueryVerdict.Answered, verdict);
        var hinfo = Assert.Single(Decoded.Of(response).Answers);
        Assert.Equal(DnsType.HINFO, hinfo.Type);
        Assert.Equal("\u0007RFC8482\u0000"u8.ToArray(), hinfo.Data);
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query, DnsTransport.Tcp).Verdict);
    }

    private static byte[] ManyAddresses(byte[] query, int count, Edns? edns = null) =>
        Answer.Build(query, answers: [.. Enumerable.Range(0, count).Select(i => Answer.A($"192.0.2.{i}", 300))], edns: edns);

    [Fact]
    public void Recursion_is_available_in_every_answer_even_when_the_upstream_answered_a_query_without_rd_without_it()
    {
        var resolver = Resolvers.Create();
        var withoutRd = Query.Build("www.example.com", flags: 0x0000);
        var fromUpstream = resolver.Complete(withoutRd, Answer.Build(withoutRd, answers: [Answer.A("192.0.2.7", 300)], extraFlags: 0x0400));
        Assert.True(Decoded.Of(fromUpstream).RecursionAvailable);

        var (verdict, cached) = resolver.Ask(Query.Build("www.example.com"));

        Assert.Equal(QueryVerdict.Answered, verdict);
        var decoded = Decoded.Of(cached);
        Assert.True(decoded.RecursionDesired);
        Assert.True(decoded.RecursionAvailable);
    }

    [Fact]
    public void An_answer_over_512_is_truncated_for_a_client_without_edns()
    {
        var resolver = Resolvers.Create();
        var query = Query.Build("many.example");
        var response = resolver.Complete(query, ManyAddresses(query, 40, new Edns(4096)));
        var decoded = Decoded.Of(response);
        Assert.True(decoded.Truncated);
        Assert.Empty(decoded.Records);
        Assert.Equal(query.Length, response.Length);
        Assert.Equal(1, resolver.Counters.Truncated);

        // Cached whole: an EDNS client gets all 40, a TCP one too.
        var edns = Decoded.Of(resolver.Ask(Query.Build("many.example", edns: new Edns(4096))).Response);
        Assert.False(edns.Truncated);
        Assert.Equal(40, edns.Answers.Count());
        Assert.Equal(40, Decoded.Of(resolver.Ask(query, DnsTransport.Tcp).Response).Answers.Count());
    }

    [Fact]
    public void The_edns_limit_is_the_lesser_of_the_clients_size_and_max_udp_response()
    {
        var resolver = Resolvers.Create(new ResolverOptions { MaxUdpResponse = 1232 });
        var query = Query.Build("huge.example", edns: new Edns(4096));
        var response = resolver.Complete(query, ManyAddresses(query, 100, new Edns(4096))); // 12+18+100×16 > 1232
        Assert.True(Decoded.Of(response).Truncated);
        Assert.True(Decoded.Of(response).HasEdns);
        var small = resolver.Ask(Query.Build("huge.example", edns: new Edns(600))).Response;
        Assert.True(Decoded.Of(small).Truncated);
        var fits = Query.Build("fits.example", edns: new Edns(700));
        var fitting = resolver.Complete(fits, ManyAddresses(fits, 35));
        Assert.False(Decoded.Of(fitting).Truncated);
        Assert.InRange(fitting.Length, 513, 700);
        var tiny = resolver.Ask(Query.Build("fits.example", edns: new Edns(100))).Response; // below 512 counts as 512
        Assert.True(Decoded.Of(tiny).Truncated);
    }

    [Fact]
    public void Complete_rejects_answers_that_are_not_the_querys()
    {
        var resolver = Resolvers.Create();
        var query = Query.Build("www.example.com");
        var other = Query.Build("www.example.org");
        Assert.Empty(resolver.Complete(query, Answer.Build(other, answers: [Answer.A("192.0.2.66", 300)])));
        Assert.Empty(resolver.Complete(query, Answer.Build(Query.Build("www.example.com", type: 28), answers: [Answer.A("192.0.2.66", 300)])));
        var notResponse = Answer.Build(query, answers: [Answer.A("192.0.2.66", 300)]);
        notResponse[2] &= 0x7F;
        Assert.Empty(resolver.Complete(query, notResponse));
        Assert.Empty(resolver.Complete(query, Answer.Build(query, answers: [Answer.A("192.0.2.66", 300)])[..^3]));
        Assert.Empty(resolver.Complete(query, Answer.Build(query, answers: [Answer.A("192.0.2.66", 300)], edns: new Edns())
            .Concat(new byte[] { 0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4 }).ToArray() is var late ? Fix(late) : []));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);

        var caseDiffers = Answer.Build(Query.Build("WWW.EXAMPLE.COM"), answers: [Answer.A("192.0.2.1", 300)]);
        var response = resolver.Complete(Query.Build("www.Example.com"), caseDiffers);
        Assert.Equal("www.Example.com", Decoded.Of(response).QuestionName);

        static byte[] Fix(byte[] message)
        {
            message[11] = 2; // an A record after the OPT
            return message;
        }
    }

    [Fact]
    public void An_opt_record_outside_the_additional_section_makes_the_answer_unusable()
    {
        // Found by the fuzzer: taken for the answer's OPT, it was stripped and the counts went wrong.
        var resolver = Resolvers.Create();
        var query = Query.Build("pool.example", edns: new Edns(4096));
        var answer = Answer.Build(query, answers: [Answer.A("192.0.2.1", 300), new Rr(41, 0, [])]);
        Assert.Empty(resolver.Complete(query, answer));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
    }

    [Fact]
    public void An_answer_whose_pointer_reaches_into_its_opt_record_is_unusable()
    {
        // Found by the fuzzer: the A record's owner points into the question's type octets and
        // its labels run on into the OPT record's options; without the OPT the name runs off the end.
        var query = Convert.FromHexString("D4CD01000001000000000001096D6963726F736F667403636F6D00000100010000291000000000000000");
        var answer = Convert.FromHexString(
            "D4CD85800001000100000001096D6963726F736F667403636F6D0000010001C01C000100010000012C0004C000025D"
            + "00002904D000000000" + "0004" + "000A0000");
        Assert.True(Edge.Watch.Dns.DnsMessageReader.TryParse(answer, out _, out _) == Edge.Watch.Decoding.ParseStatus.Done);
        var resolver = Resolvers.Create();
        Assert.Empty(resolver.Complete(query, answer));
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
    }

    [Fact]
    public void Fail_writes_servfail_with_the_question()
    {
        var resolver = Resolvers.Create();
        var query = Query.Build("down.example", id: 5, edns: new Edns());
        var response = new byte[65535];
        var length = resolver.Fail(query, response);
        var decoded = Decoded.Of(response.AsSpan(0, length));
        Assert.Equal(2, decoded.Rcode);
        Assert.Equal(5, decoded.Id);
        Assert.Equal("down.example", decoded.QuestionName);
        Assert.True(decoded.HasEdns);
        Assert.Equal(0, resolver.Fail(new byte[3], response));
    }

    [Fact]
    public void The_benign_path_goes_upstream_and_is_then_answered_from_cache()
    {
        var resolver = Resolvers.Create(intel: Resolvers.Snapshot(("evil.example", Phishing)));
        var query = Query.Build("good.example");
        Assert.Equal(QueryVerdict.NeedsUpstream, resolver.Ask(query).Verdict);
        var answer = Answer.Build(query, answers: [Answer.A("192.0.2.1", 300)]);
        Assert.Equal(answer, resolver.Complete(query, answer));
        Assert.Equal(answer, resolver.Ask(query).Response);
        Assert.Equal(1, resolver.Counters.AnsweredFromCache);
        Assert.Equal(2, resolver.Counters.Queries);
    }

    [Fact]
    public void Decide_allocates_nothing_on_any_path()
    {
        var intel = Resolvers.Snapshot(("evil.example", Phishing),
            ("local.example", new IntelList("z", "rpz", IntelAction.LocalData, localData: [IPAddress.Parse("192.0.2.1")])),
            ("drop.example", new IntelList("z", "rpz", IntelAction.Drop)));
        var allow = Resolvers.Snapshot(("ok.evil.example", new IntelList("allow", IntelCategories.Benign)));
        var options = new ResolverOptions { ClientExceptions = [new ClientException { Clients = ["10.0.0.0/8"], Names = ["x.evil.example"] }] };
        var resolver = Resolvers.Create(options, intel: intel, allow: allow);
        var cached = Query.Build("cached.example", edns: new Edns());
        resolver.Complete(cached, Answer.Build(cached, answers: [Answer.A("192.0.2.1", 300)]));
        byte[][] queries =
        [
            cached, Query.Build("cached.example"), Query.Build("www.evil.example"), Query.Build("x.evil.example"),
            Query.Build("ok.evil.example"), Query.Build("local.example"), Query.Build("drop.example"),
            Query.Build("upstream.example"), Query.Build("example.com", type: 255), Query.With16(cached, 6, 1),
            Query.Build("example.com", flags: 0x2800), Query.Build("example.com", edns: new Edns(Version: 1)), new byte[4],
        ];
        var response = new byte[65535];
        foreach (var query in queries)
            resolver.Decide(query, Resolvers.Client, DnsTransport.Udp, response, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var query in queries)
                resolver.Decide(query, Resolvers.Client, DnsTransport.Udp, response, out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

using System.Net;
using Edge.Resolve.Tests.TestSupport.Net;
using Edge.Resolve.Upstream;

namespace Edge.Resolve.Tests.Upstream;

public sealed class AnswerMatcherTests
{
    private static readonly byte[] Query = NetDnsMessages.Query("www.Example.com", 7);

    [Fact]
    public void Matches_the_same_question_whatever_the_case()
    {
        var answer = NetDnsMessages.Answer(NetDnsMessages.Query("WWW.example.COM", 7), IPAddress.Loopback);
        Assert.True(AnswerMatcher.IsAnswerTo(Query, answer));
    }

    [Fact]
    public void Refuses_another_name_type_or_class()
    {
        Assert.False(AnswerMatcher.IsAnswerTo(Query, NetDnsMessages.Answer(NetDnsMessages.Query("www.example.org", 7), IPAddress.Loopback)));
        Assert.False(AnswerMatcher.IsAnswerTo(Query, NetDnsMessages.Answer(NetDnsMessages.Query("www.example.com", 7, NetDnsMessages.TypeTxt), IPAddress.Loopback)));
        var otherClass = NetDnsMessages.Answer(Query, IPAddress.Loopback);
        otherClass[NetDnsMessages.QuestionEnd(Query) - 1] = 3; // CH
        Assert.False(AnswerMatcher.IsAnswerTo(Query, otherClass));
    }

    [Fact]
    public void Refuses_a_query_or_a_question_made_of_a_pointer()
    {
        Assert.False(AnswerMatcher.IsAnswerTo(Query, Query));
        var pointer = NetDnsMessages.Answer(Query, IPAddress.Loopback)[..12].Concat(new byte[] { 0xC0, 0x0C, 0, 1, 0, 1 }).ToArray();
        Assert.False(AnswerMatcher.IsAnswerTo(Query, pointer));
    }

    [Fact]
    public void Refuses_short_or_questionless_messages()
    {
        Assert.False(AnswerMatcher.IsAnswerTo(Query, new byte[11]));
        var empty = NetDnsMessages.Answer(Query, IPAddress.Loopback);
        empty[5] = 0;
        Assert.False(AnswerMatcher.IsAnswerTo(Query, empty));
        Assert.False(AnswerMatcher.IsAnswerTo(Query, NetDnsMessages.Answer(Query, IPAddress.Loopback)[..20]));
    }
}

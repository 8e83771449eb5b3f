using System.Text;
using Edge.Watch.Decoding;
using Edge.Watch.Http;
using Xunit;

namespace Edge.Watch.Tests.Http;

public sealed class HttpRequestHeadReaderTests
{
    private const string Sample =
        "GET /news/today.html?lang=vi HTTP/1.1\r\nhOsT: \t portal.example.vn \r\nUser-Agent: curl/7.88.1\r\n"
        + "Accept: */*\r\nHost: second.example\r\n\r\nbody";

    private static (ParseStatus Status, HttpError Error, int Consumed) Parse(string text)
    {
        var status = HttpRequestHeadReader.TryParse(Encoding.Latin1.GetBytes(text), out _, out var consumed, out var error);
        return (status, error, consumed);
    }

    [Fact]
    public void Reads_request_line_and_first_host_and_user_agent_trimmed()
    {
        var data = Encoding.ASCII.GetBytes(Sample);
        Assert.Equal(ParseStatus.Done, HttpRequestHeadReader.TryParse(data, out var head, out var consumed, out var error));
        Assert.Equal(HttpError.None, error);
        Assert.Equal("GET", Encoding.ASCII.GetString(head.Method));
        Assert.Equal("/news/today.html?lang=vi", Encoding.ASCII.GetString(head.Uri));
        Assert.Equal("HTTP/1.1", Encoding.ASCII.GetString(head.Version));
        Assert.Equal("portal.example.vn", Encoding.ASCII.GetString(head.Host));
        Assert.Equal("curl/7.88.1", Encoding.ASCII.GetString(head.UserAgent));
        Assert.Equal(4, head.HeaderCount);
        Assert.Equal(Sample.Length - "body".Length, consumed);
    }

    [Fact]
    public void Bare_lf_is_tolerated()
    {
        var (status, _, consumed) = Parse("HEAD / HTTP/1.0\nHost: a\n\n");
        Assert.Equal(ParseStatus.Done, status);
        Assert.Equal(25, consumed);
    }

    [Fact]
    public void Missing_host_and_user_agent_are_empty()
    {
        var data = "GET / HTTP/1.0\r\n\r\n"u8;
        Assert.Equal(ParseStatus.Done, HttpRequestHeadReader.TryParse(data, out var head, out _, out _));
        Assert.True(head.Host.IsEmpty && head.UserAgent.IsEmpty);
        Assert.Equal(0, head.HeaderCount);
    }

    [Fact]
    public void Split_at_every_offset_needs_more()
    {
        var data = Encoding.ASCII.GetBytes(Sample);
        var headLength = Sample.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        for (var length = 0; length < headLength; length++)
        {
            Assert.Equal(ParseStatus.NeedMore, HttpRequestHeadReader.TryParse(data.AsSpan(0, length), out _, out var consumed, out var error));
            Assert.Equal((0, HttpError.None), (consumed, error));
        }
        Assert.Equal(ParseStatus.Done, HttpRequestHeadReader.TryParse(data.AsSpan(0, headLength), out _, out _, out _));
    }

    [Theory]
    [InlineData("GET /\r\n\r\n", HttpError.BadRequestLine)]
    [InlineData("GET\r\n\r\n", HttpError.BadRequestLine)]
    [InlineData("GET  / HTTP/1.1\r\n\r\n", HttpError.BadRequestLine)]
    [InlineData("GET /a b HTTP/1.1\r\n\r\n", HttpError.BadVersion)]
    [InlineData("GET /\x01 HTTP/1.1\r\n\r\n", HttpError.BadRequestLine)]
    [InlineData("G(T / HTTP/1.1\r\n\r\n", HttpError.BadMethod)]
    [InlineData(" GET / HTTP/1.1\r\n\r\n", HttpError.BadMethod)]
    [InlineData("GET / HTTP/1.1x\r\n\r\n", HttpError.BadVersion)]
    [InlineData("GET / HTTZ/1.1\r\n\r\n", HttpError.BadVersion)]
    [InlineData("GET / HTTP/1.1\r\nHost : a\r\n\r\n", HttpError.BadHeaderLine)]
    [InlineData("GET / HTTP/1.1\r\nNoColon\r\n\r\n", HttpError.BadHeaderLine)]
    [InlineData("GET / HTTP/1.1\r\n: empty-name\r\n\r\n", HttpError.BadHeaderLine)]
    [InlineData("GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n", HttpError.BadHeaderLine)]
    [InlineData("GET / HTTP/1.1\r\nA: b\x00c\r\n\r\n", HttpError.BadHeaderLine)]
    public void Malformed_heads_give_their_reason(string text, HttpError expected)
    {
        Assert.Equal((ParseStatus.Malformed, expected, 0), Parse(text));
    }

    [Fact]
    public void Too_many_headers()
    {
        var text = new StringBuilder("GET / HTTP/1.1\r\n");
        for (var i = 0; i <= HttpRequestHeadReader.MaxHeaders; i++)
            text.Append("X-").Append(i).Append(": v\r\n");
        Assert.Equal((ParseStatus.Malformed, HttpError.TooManyHeaders, 0), Parse(text + "\r\n"));
    }

    [Fact]
    public void Head_longer_than_the_limit_is_malformed_and_one_at_the_limit_is_not()
    {
        const string Start = "GET / HTTP/1.1\r\nX: ";
        var filler = new string('a', HttpRequestHeadReader.MaxHeadLength - Start.Length - 4);
        Assert.Equal(ParseStatus.Done, Parse(Start + filler + "\r\n\r\n").Status);
        Assert.Equal((ParseStatus.Malformed, HttpError.HeadTooLong, 0), Parse(Start + filler + "a\r\n\r\n"));
        Assert.Equal(ParseStatus.NeedMore, Parse(Start + filler).Status);
    }

    [Theory]
    [InlineData("GET ", true)]
    [InlineData("OPTIONS * HTTP/1.1", true)]
    [InlineData("CONNECT a:443 HTTP/1.1", true)]
    [InlineData("GET", false)]
    [InlineData("POS", false)]
    [InlineData("get / HTTP/1.1", false)]
    [InlineData("PRI * HTTP/2.0", false)]
    [InlineData("", false)]
    public void Looks_like_request_only_with_a_whole_known_method_and_space(string text, bool expected)
    {
        Assert.Equal(expected, HttpRequestHeadReader.LooksLikeRequest(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Bounded_mutation_fuzz_never_throws()
    {
        var seed = Encoding.ASCII.GetBytes(Sample);
        var random = new Random(7331);
        var counts = new int[4];
        for (var i = 0; i < 100_000; i++)
        {
            var data = (byte[])seed.Clone();
            for (var e = random.Next(1, 4); e > 0; e--)
            {
                if (random.Next(4) == 0)
                    data = data[..random.Next(data.Length + 1)];
                else if (data.Length > 0)
                    data[random.Next(data.Length)] = random.Next(3) == 0 ? (byte)"\r\n :"[random.Next(4)] : (byte)random.Next(256);
            }
            var status = HttpRequestHeadReader.TryParse(data, out var head, out var consumed, out var error);
            counts[(int)status]++;
            Assert.Equal(status == ParseStatus.Malformed, error != HttpError.None);
            Assert.InRange(consumed, 0, data.Length);
            if (status == ParseStatus.Done)
                Assert.True(head.Method.Length + head.Uri.Length + head.Version.Length + 4 <= consumed);
        }
        Assert.True(counts[(int)ParseStatus.Done] > 0 && counts[(int)ParseStatus.Malformed] > 0 && counts[(int)ParseStatus.NeedMore] > 0);
    }
}

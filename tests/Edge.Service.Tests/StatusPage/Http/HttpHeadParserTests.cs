using System.Text;
using Edge.Service.StatusPage.Http;

namespace Edge.Service.Tests.StatusPage.Http;

public sealed class HttpHeadParserTests
{
    private static HttpParseResult Parse(string head) => HttpHeadParser.Parse(Encoding.Latin1.GetBytes(head));

    [Fact]
    public void A_browser_request_gives_method_path_without_query_keep_alive_and_credentials()
    {
        var result = Parse(RealRequests.Chromium);
        var head = Assert.IsType<HttpRequestHead>(result.Head);
        Assert.Equal("GET", head.Method);
        Assert.Equal("/api/status", head.Path);
        Assert.True(head.KeepAlive);
        Assert.False(head.HasBody);
        Assert.Equal(["Basic YWRtaW46c2VjcmV0"], head.Authorization);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nconnection: Upgrade, CLOSE\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive\r\n\r\n", true)]
    [InlineData("GET / HTTP/1.0\r\n\r\n", false)]
    [InlineData("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", false)]
    public void Only_http_1_1_without_close_keeps_the_connection(string request, bool keepAlive) =>
        Assert.Equal(keepAlive, Parse(request).Head!.KeepAlive);

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\n", true)]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 000\r\n\r\n", false)]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n", true)]
    public void A_body_is_noticed_and_ends_the_connection(string request, bool hasBody)
    {
        var head = Parse(request).Head!;
        Assert.Equal(hasBody, head.HasBody);
        Assert.Equal(!hasBody, head.KeepAlive);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1 2\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\nHost: a\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\n: a\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\u0000b\r\n\r\n", 400)]
    [InlineData("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400)]
    [InlineData("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", 400)]
    [InlineData("GET ftp://a/ HTTP/1.1\r\nHost: a\r\n\r\n", 400)]
    [InlineData("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400)]
    [InlineData("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505)]
    [InlineData("GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400)]
    [InlineData("GET / FTP/1.1\r\nHost: a\r\n\r\n", 400)]
    [InlineData("GET /\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n", 400)]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET", 400)]
    public void Malformed_heads_are_refused_with_their_status(string request, int status)
    {
        var result = Parse(request);
        Assert.Null(result.Head);
        Assert.Equal(status, result.Status);
        Assert.NotEmpty(result.Reason);
    }

    [Theory]
    [InlineData("GET http://192.168.1.2:8080/metrics?x=1 HTTP/1.1", "/metrics")]
    [InlineData("GET HTTP://192.168.1.2:8080 HTTP/1.1", "/")]
    [InlineData("OPTIONS * HTTP/1.1", "*")]
    public void Absolute_and_asterisk_forms_give_their_path(string requestLine, string path) =>
        Assert.Equal(path, Parse(requestLine + "\r\nHost: a\r\n\r\n").Head!.Path);

    [Fact]
    public void Limits_give_414_and_431()
    {
        Assert.Equal(414, Parse($"GET /{new string('a', 2048)} HTTP/1.1\r\nHost: a\r\n\r\n").Status);
        var many = new StringBuilder("GET / HTTP/1.1\r\nHost: a\r\n");
        for (var i = 0; i < HttpHeadParser.MaxHeaders; i++)
            many.Append("X-").Append(i).Append(": 1\r\n");
        Assert.Equal(431, Parse(many.Append("\r\n").ToString()).Status);
        Assert.Equal(431, Parse($"GET / HTTP/1.1\r\nHost: a\r\nX: {new string('a', HttpHeadParser.MaxHeadBytes)}\r\n\r\n").Status);
    }

    [Fact]
    public void Every_authorization_header_is_kept_so_two_can_be_refused()
    {
        var head = Parse("GET / HTTP/1.1\r\nHost: a\r\nAuthorization: Basic x\r\nauthorization: Basic y\r\n\r\n").Head!;
        Assert.Equal(["Basic x", "Basic y"], head.Authorization);
    }

    [Fact]
    public void The_head_ends_at_the_first_empty_line()
    {
        Assert.Equal(-1, HttpHeadParser.HeadLength("GET / HTTP/1.1\r\nHost: a\r\n"u8));
        Assert.Equal(27, HttpHeadParser.HeadLength("GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1"u8));
    }
}

using System.Net;
using Edge.Service.StatusPage.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Service.Tests.StatusPage.Http;

/// <summary>The server's framing and limits, over real sockets on loopback.</summary>
public sealed class ReadOnlyHttpServerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly List<HttpRequestHead> _seen = [];
    private ReadOnlyHttpServer _server = null!;
    private Func<HttpRequestHead, HttpResponse> _respond = r => HttpResponse.Text(200, $"{r.Method} {r.Path}\n");

    private IPEndPoint Endpoint => _server.Endpoints[0];

    public ValueTask InitializeAsync()
    {
        _server = ReadOnlyHttpServer.Start([new IPEndPoint(IPAddress.Loopback, 0)], (request, _) =>
        {
            lock (_seen)
                _seen.Add(request);
            return _respond(request);
        }, [new("X-Common", "yes")], _time, NullLogger.Instance);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Pipelined_requests_get_their_responses_in_order_on_one_connection()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c?q HTTP/1.1\r\nHost: x\r\n\r\n");
        var responses = await client.ReadResponsesAsync(3);
        Assert.Equal(3, responses.Count);
        Assert.EndsWith("\r\n\r\nGET /a\n", responses[0], StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nGET /b\n", responses[1], StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nGET /c\n", responses[2], StringComparison.Ordinal);
        Assert.All(responses, r => Assert.StartsWith("HTTP/1.1 200 OK\r\nDate: Thu, 26 Nov 2026 08:00:00 GMT\r\n", r, StringComparison.Ordinal));
        Assert.All(responses, r => Assert.Contains("\r\nX-Common: yes\r\n", r, StringComparison.Ordinal));
        Assert.All(responses, r => Assert.DoesNotContain("Connection: close", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Head_gets_the_get_headers_and_no_body()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("HEAD /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        var answer = await client.ReadToEndAsync();
        Assert.Contains("\r\nContent-Length: 8\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_sent_a_byte_at_a_time_is_served()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        foreach (var b in "GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            await client.SendAsync(b.ToString());
        AssertClosing("HTTP/1.1 200 OK", "GET /slow\n", await client.ReadToEndAsync());
    }

    [Fact]
    public async Task A_malformed_head_gets_its_status_and_the_connection_closes()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("GET / HTTP/1.1\r\nHost : x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        AssertClosing("HTTP/1.1 400 Bad Request", "malformed header name\n", await client.ReadToEndAsync());
        Assert.Empty(_seen);
    }

    [Fact]
    public async Task A_head_over_8_KiB_gets_431()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('a', HttpHeadParser.MaxHeadBytes));
        Assert.StartsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n", await client.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_a_body_is_answered_and_its_body_never_read_as_a_request()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 28\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n\r\n");
        var answer = await client.ReadToEndAsync();
        AssertClosing("HTTP/1.1 200 OK", "POST /x\n", answer);
        Assert.DoesNotContain("smuggled", answer, StringComparison.Ordinal);
        var request = Assert.Single(_seen);
        Assert.True(request.HasBody);
    }

    [Fact]
    public async Task A_client_that_stops_sending_is_dropped_after_the_request_timeout()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n");
        await Task.Delay(100, TestContext.Current.CancellationToken);
        _time.Advance(ReadOnlyHttpServer.RequestTimeout - TimeSpan.FromSeconds(1));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        await client.SendAsync("X: still here\r\n");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await client.ClosedByServerAsync());
        Assert.Empty(_seen);
    }

    [Fact]
    public async Task An_idle_keep_alive_connection_is_closed_after_the_request_timeout()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Single(await client.ReadResponsesAsync(1));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        _time.Advance(ReadOnlyHttpServer.RequestTimeout);
        Assert.True(await client.ClosedByServerAsync());
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_closed_at_once_and_the_open_ones_still_served()
    {
        var open = new List<RawHttpClient>();
        try
        {
            for (var i = 0; i < ReadOnlyHttpServer.MaxConnections; i++)
                open.Add(await RawHttpClient.ConnectAsync(Endpoint));
            // Each of them served once: all 64 are accepted and counted before the next connects.
            foreach (var client in open)
                await client.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            foreach (var client in open)
                Assert.Single(await client.ReadResponsesAsync(1));

            using var extra = await RawHttpClient.ConnectAsync(Endpoint);
            Assert.True(await extra.ClosedByServerAsync());
            Assert.Equal(1, _server.Refused);

            await open[0].SendAsync("GET /still HTTP/1.1\r\nHost: x\r\n\r\n");
            Assert.EndsWith("GET /still\n", Assert.Single(await open[0].ReadResponsesAsync(1)), StringComparison.Ordinal);
        }
        finally
        {
            open.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_failing_page_answers_500_and_the_server_keeps_serving()
    {
        _respond = r => r.Path == "/boom" ? throw new InvalidOperationException("bug") : HttpResponse.Text(200, "fine\n");
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("GET /boom HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n");
        var responses = await client.ReadResponsesAsync(2);
        Assert.StartsWith("HTTP/1.1 500 Internal Server Error\r\n", responses[0], StringComparison.Ordinal);
        Assert.EndsWith("fine\n", responses[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_closes_open_connections_and_the_listener()
    {
        using var client = await RawHttpClient.ConnectAsync(Endpoint);
        await client.SendAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        Assert.Single(await client.ReadResponsesAsync(1));
        await _server.StopAsync();
        Assert.True(await client.ClosedByServerAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => RawHttpClient.ConnectAsync(Endpoint));
    }

    [Fact]
    public void An_address_in_use_is_an_io_error_naming_it()
    {
        var error = Assert.Throws<IOException>(() => ReadOnlyHttpServer.Start([Endpoint], (_, _) => HttpResponse.Text(200, ""), [], _time, NullLogger.Instance));
        Assert.Contains(Endpoint.ToString(), error.Message, StringComparison.Ordinal);
    }

    /// <summary>One response, with the given status line and body end, that says the connection closes.</summary>
    private static void AssertClosing(string statusLine, string bodyEnd, string answer)
    {
        Assert.StartsWith(statusLine + "\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("\r\nConnection: close\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith(bodyEnd, answer, StringComparison.Ordinal);
    }
}

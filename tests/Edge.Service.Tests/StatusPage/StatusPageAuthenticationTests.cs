using System.Net;
using Edge.Service.StatusPage;

namespace Edge.Service.Tests.StatusPage;

public sealed class StatusPageAuthenticationTests : IAsyncLifetime
{
    private StatusPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await StatusPageHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/metrics")]
    [InlineData("/no-such-page")]
    public async Task Every_path_but_healthz_asks_for_basic_credentials(string path)
    {
        using var client = _host.Anonymous();
        using var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"Edge sensor\", charset=\"UTF-8\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("root", null)]
    [InlineData("Admin", null)]
    [InlineData("", null)]
    public async Task Wrong_user_or_password_is_refused(string user, string? password)
    {
        using var client = _host.As(user, password ?? _host.Password);
        using var response = await client.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_header_that_is_not_basic_credentials_is_refused()
    {
        using var client = _host.Anonymous();
        foreach (var header in new[] { "Bearer abc", "Basic !!!not-base64", "Basic " + Convert.ToBase64String("admin"u8.ToArray()) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            using var response = await client.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/metrics")]
    [InlineData("/healthz")]
    public async Task The_admin_with_the_generated_password_gets_every_page(string path)
    {
        using var client = _host.Admin();
        using var response = await client.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_needs_no_password_and_says_only_ok_or_fault()
    {
        using var client = _host.Anonymous();
        using (var ok = await client.GetAsync("/healthz", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("ok\n", await ok.Content.ReadAsStringAsync(Cancel));
        }
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { State = "fault", Reason = "capture interface eth1 is gone" };
        using var fault = await client.GetAsync("/healthz", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fault.StatusCode);
        Assert.Equal("fault\n", await fault.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/api/status")]
    [InlineData("DELETE", "/metrics")]
    [InlineData("POST", "/healthz")]
    [InlineData("OPTIONS", "/")]
    [InlineData("PATCH", "/elsewhere")]
    public async Task Anything_but_get_and_head_is_405(string method, string path)
    {
        using var client = _host.Admin();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("x") };
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Head_answers_like_get_without_a_body()
    {
        using var client = _host.Admin();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/metrics");
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/", false)]
    [InlineData("/metrics", true)]
    [InlineData("/healthz", false)]
    [InlineData("/missing", true)]
    public async Task Every_response_carries_the_security_headers(string path, bool authenticated)
    {
        using var client = authenticated ? _host.Admin() : _host.Anonymous();
        using var response = await client.GetAsync(path, Cancel);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, policy);
        Assert.StartsWith("default-src 'none'; ", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data:", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Ten_wrong_passwords_in_a_minute_lock_that_client_out_until_the_minute_is_over()
    {
        using var wrong = _host.As("admin", "not-the-password");
        using var right = _host.Admin();
        for (var i = 0; i < FailedLoginLimiter.MaxFailures; i++)
        {
            _host.Time.Now += TimeSpan.FromSeconds(1);
            using var refused = await wrong.GetAsync("/", Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (var locked = await right.GetAsync("/", Cancel))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            // The window began at the first failure, 9 s before the tenth: 51 s are left.
            Assert.Equal(TimeSpan.FromSeconds(51), locked.Headers.RetryAfter?.Delta);
        }
        using (var health = await wrong.GetAsync("/healthz", Cancel))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        _host.Time.Now += TimeSpan.FromSeconds(50);
        using (var stillLocked = await right.GetAsync("/", Cancel))
            Assert.Equal(HttpStatusCode.TooManyRequests, stillLocked.StatusCode);

        _host.Time.Now += TimeSpan.FromSeconds(1);
        using var free = await right.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }

    [Fact]
    public async Task Requests_without_credentials_are_not_counted_as_wrong_passwords()
    {
        using var anonymous = _host.Anonymous();
        for (var i = 0; i < 3 * FailedLoginLimiter.MaxFailures; i++)
        {
            using var challenged = await anonymous.GetAsync("/", Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, challenged.StatusCode);
        }
        using var right = _host.Admin();
        using var response = await right.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Nine_wrong_passwords_do_not_lock_the_client_out()
    {
        using var wrong = _host.As("admin", "not-the-password");
        for (var i = 0; i < FailedLoginLimiter.MaxFailures - 1; i++)
        {
            using var refused = await wrong.GetAsync("/", Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var right = _host.Admin();
        using var response = await right.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Edge.Service.Configuration;
using Edge.Service.Status;
using Edge.Service.StatusPage;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.IntegrationTests.StatusPage;

/// <summary>The status page in a real browser: the policy lets the inline script run, the script
/// refreshes the page from /api/status and shows every value as the server would, and a hostile
/// indicator stays text.</summary>
public sealed partial class ChromiumStatusPageTests : IAsyncLifetime
{
    private readonly TempFolder _state = new();
    private readonly PageLoadThenChange _source = new(BrowserSnapshots.BeforeRefresh(), BrowserSnapshots.AfterRefresh());
    private StatusPageServer _server = null!;
    private string _password = "";

    public async ValueTask InitializeAsync()
    {
        HeadlessChromium.RequireInstalled();
        var password = StatusPagePassword.LoadOrCreate(_state.Path, TimeProvider.System);
        _password = File.ReadAllText(password.ClearTextPath).Trim();
        _server = await StatusPageServer.StartAsync(new StatusPageSettings { Address = "127.0.0.1", Port = 0 },
            _source, password, NullLoggerFactory.Instance, TimeProvider.System, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
        _state.Dispose();
    }

    // Headless Chromium takes credentials from the URL for the top-level page and keeps them in its
    // HTTP auth cache for the script's same-origin fetches.
    private Uri PageWithCredentials => new UriBuilder(_server.Addresses[0]) { UserName = "admin", Password = _password }.Uri;

    [Fact]
    public async Task The_script_refreshes_the_page_from_api_status_like_the_server_renders_it()
    {
        var dom = await HeadlessChromium.DumpDomAsync(PageWithCredentials, TestContext.Current.CancellationToken);

        Assert.True(_source.Calls >= 2, $"the page was read {_source.Calls} time(s): the script never fetched /api/status\n{dom}");
        Assert.Contains("<section id=\"banner\" class=\"banner state-alert\">", dom, StringComparison.Ordinal);
        Assert.Contains("<span data-field=\"state\" data-format=\"text\">alert</span>", dom, StringComparison.Ordinal);
        Assert.Contains("refreshed by the script", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("rendered by the server", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"lamps pattern-fastblink\"", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"lamp red lit\"", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"lamp green\"", dom, StringComparison.Ordinal);
        Assert.Contains("Live: refreshed every 2 s.", dom, StringComparison.Ordinal);

        // The alert table is rebuilt by the script, with the hostile indicator as text.
        Assert.Contains("<span class=\"sev sev-critical\">critical</span>", dom, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert('pwned')&lt;/script&gt;\"&gt;&lt;img src=x onerror=alert(1)&gt;", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Regex.Matches(dom, "<script", RegexOptions.IgnoreCase));

        // Every value the script wrote reads exactly as the server renders the same snapshot.
        var server = await ServerRenderedAsync();
        var fromScript = Fields(dom);
        var fromServer = Fields(server);
        Assert.True(fromServer.Count >= 35, $"{fromServer.Count} fields");
        Assert.Equal(fromServer, fromScript);
        Assert.Equal(Rows(server), Rows(dom));
    }

    [Fact]
    public async Task A_screenshot_of_the_page_can_be_taken()
    {
        var png = Path.Combine(Path.GetTempPath(), "edge-status-page.png");
        File.Delete(png);
        await HeadlessChromium.ScreenshotAsync(PageWithCredentials, png, TestContext.Current.CancellationToken);
        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 10_000, $"{png}: {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a], bytes[..8]);
        TestContext.Current.TestOutputHelper?.WriteLine($"status page screenshot: {png}");
    }

    [Fact]
    public async Task Without_credentials_the_browser_gets_only_the_challenge()
    {
        var dom = await HeadlessChromium.DumpDomAsync(_server.Addresses[0], TestContext.Current.CancellationToken);
        Assert.DoesNotContain("data-field", dom, StringComparison.Ordinal);
        Assert.Equal(0, _source.Calls);
    }

    private async Task<string> ServerRenderedAsync()
    {
        using var client = new HttpClient { BaseAddress = _server.Addresses[0] };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{_password}")));
        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static List<string> Fields(string html) =>
        [.. FieldSpan().Matches(html).Select(m => $"{m.Groups[1].Value} = {WebUtility.HtmlDecode(m.Groups[2].Value)}")];

    private static List<string> Rows(string html) =>
        [.. TableCell().Matches(html[html.IndexOf("<tbody id=\"recent\">", StringComparison.Ordinal)..])
            .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]*>", "")))];

    [GeneratedRegex("<span data-field=\"([^\"]+)\" data-format=\"[^\"]+\">([^<]*)</span>")]
    private static partial Regex FieldSpan();

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex TableCell();

    /// <summary>The first read (the page itself) sees one snapshot, every later one (the script's
    /// fetches) another: what the browser shows at the end can only have come from the script.</summary>
    private sealed class PageLoadThenChange(StatusSnapshot first, StatusSnapshot later) : IStatusSource
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public StatusSnapshot Current() => Interlocked.Increment(ref _calls) == 1 ? first : later;
    }
}

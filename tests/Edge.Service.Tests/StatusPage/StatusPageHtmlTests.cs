using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Edge.Service.Tests.StatusPage;

public sealed partial class StatusPageHtmlTests : IAsyncLifetime
{
    private StatusPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await StatusPageHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<(string Html, string Policy)> Page()
    {
        using var client = _host.Admin();
        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_page_shows_identity_state_lamps_and_counters_without_a_script()
    {
        var (html, _) = await Page();
        Assert.Contains("<span data-field=\"sensor\" data-format=\"text\">edge-07</span>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"banner\" class=\"banner state-monitoring\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"state\"><span data-field=\"state\" data-format=\"text\">monitoring</span></p>", html, StringComparison.Ordinal);
        Assert.Contains("capturing on eth1, uplink connected", html, StringComparison.Ordinal);
        Assert.Contains("class=\"lamps pattern-slowblink\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"lamp green lit\" data-colour=\"green\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"lamp red\" data-colour=\"red\">", html, StringComparison.Ordinal);
        Assert.Contains(">1,234,567<", html, StringComparison.Ordinal);
        Assert.Contains(">9.2 GiB<", html, StringComparison.Ordinal);
        Assert.Contains(">1d 02:03:04<", html, StringComparison.Ordinal);
        Assert.Contains(">51.3 &#xB0;C<", html, StringComparison.Ordinal);
        Assert.Contains("<h2>DNS forwarder</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<span data-field=\"dns_forwarder.blocked\" data-format=\"count\">303</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span data-field=\"blocking.networks\" data-format=\"count\">7,777</span>", html, StringComparison.Ordinal);
        Assert.Contains(">2026-11-25 08:01:00Z<", html, StringComparison.Ordinal);
        Assert.Contains(">DGA burst<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alert", "Red", "FastBlink", "state-alert", "pattern-fastblink", new[] { "red" })]
    [InlineData("uplink-down", "Amber, Green", "DoubleBlink", "state-uplink-down", "pattern-doubleblink", new[] { "amber", "green" })]
    [InlineData("fault", "All", "Steady", "state-fault", "pattern-steady", new[] { "red", "amber", "green" })]
    [InlineData("booting", "Red", "Off", "state-booting", "pattern-off", new string[0])]
    [InlineData("<b>odd</b>", "Red", "Strobe\"", "state-unknown", "pattern-steady", new[] { "red" })]
    public async Task State_and_lamps_follow_the_snapshot(string state, string lights, string pattern, string stateClass, string patternClass, string[] lit)
    {
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { State = state, LedLights = lights, LedPattern = pattern };
        var (html, _) = await Page();
        Assert.Contains($"class=\"banner {stateClass}\"", html, StringComparison.Ordinal);
        Assert.Contains($"class=\"lamps {patternClass}\"", html, StringComparison.Ordinal);
        foreach (var colour in new[] { "red", "amber", "green" })
        {
            var expected = lit.Contains(colour) ? $"class=\"lamp {colour} lit\"" : $"class=\"lamp {colour}\"";
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<b>odd", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_indicator_is_shown_as_text_and_never_becomes_markup()
    {
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { Reason = "<img src=x onerror=alert(2)>", Board = "\"><script>alert(3)</script>" };
        var (html, _) = await Page();
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert('pwned')", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inline_style_and_script_are_the_ones_the_policy_allows_and_nothing_loads_from_elsewhere()
    {
        var snapshot = TestSnapshots.Monitoring();
        _host.Source.Snapshot = snapshot with { RecentAlerts = [snapshot.RecentAlerts[1]] };
        var (html, policy) = await Page();
        var script = Assert.Single(InlineScript().Matches(html)).Groups[1].Value;
        var style = Assert.Single(InlineStyle().Matches(html)).Groups[1].Value;
        Assert.Contains($"script-src '{Sha256(script)}'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src '{Sha256(style)}'", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b(src|href)\s*=", html);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_field_the_script_refreshes_exists_in_api_status()
    {
        var (html, _) = await Page();
        using var client = _host.Admin();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/status", TestContext.Current.CancellationToken));
        var fields = DataField().Matches(html).Select(m => (Path: m.Groups[1].Value, Format: m.Groups[2].Value)).ToList();
        Assert.True(fields.Count >= 35, $"{fields.Count} fields");
        foreach (var (path, format) in fields)
        {
            var element = json.RootElement;
            foreach (var name in path.Split('.'))
                Assert.True(element.TryGetProperty(name, out element), $"{path} is not in /api/status");
            Assert.Contains($"{format}: ", Edge.Service.StatusPage.PageScript.Js, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_alerts_yet_says_so()
    {
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { RecentAlerts = [] };
        var (html, _) = await Page();
        Assert.Contains("<td colspan=\"7\">no alerts yet</td>", html, StringComparison.Ordinal);
    }

    private static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyle();

    [GeneratedRegex("data-field=\"([^\"]+)\" data-format=\"([^\"]+)\"")]
    private static partial Regex DataField();
}

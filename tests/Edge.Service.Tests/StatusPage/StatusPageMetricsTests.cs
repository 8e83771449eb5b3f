using Edge.Service.Status;
using Edge.Service.StatusPage;

namespace Edge.Service.Tests.StatusPage;

public sealed class StatusPageMetricsTests : IAsyncLifetime
{
    private StatusPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await StatusPageHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<(string Text, string? ContentType)> Scrape()
    {
        using var client = _host.Admin();
        using var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Metrics_are_exposition_format_0_0_4()
    {
        var (text, contentType) = await Scrape();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", contentType);
        var families = ExpositionParser.Parse(text);
        Assert.All(families.Values.Where(f => f.Type == "counter"), f => Assert.EndsWith("_total", f.Name, StringComparison.Ordinal));
        Assert.All(families.Values.Where(f => f.Name.EndsWith("_total", StringComparison.Ordinal)), f => Assert.Equal("counter", f.Type));
    }

    [Fact]
    public async Task Every_value_is_the_snapshots()
    {
        var s = TestSnapshots.Monitoring();
        var families = ExpositionParser.Parse((await Scrape()).Text);
        var expected = new Dictionary<string, double>
        {
            ["edge_packets_total"] = s.Capture.Packets,
            ["edge_bytes_total"] = s.Capture.Bytes,
            ["edge_capture_drops_total"] = s.Capture.Drops,
            ["edge_kernel_drops_total"] = s.Capture.KernelDrops,
            ["edge_interface_drops_total"] = s.Capture.InterfaceDrops,
            ["edge_decode_errors_total"] = s.Capture.DecodeErrors,
            ["edge_flows_total"] = s.Capture.Flows,
            ["edge_dns_messages_total"] = s.Capture.DnsMessages,
            ["edge_alerts_raised_total"] = s.Alerts.Raised,
            ["edge_alerts_suppressed_total"] = s.Alerts.Suppressed,
            ["edge_alerts_rate_limited_total"] = s.Alerts.RateLimited,
            ["edge_alerts_open"] = s.Alerts.Open,
            ["edge_outbox_pending"] = s.Uplink.Pending,
            ["edge_outbox_bytes"] = s.Uplink.OutboxBytes,
            ["edge_uplink_connected"] = 1,
            ["edge_uplink_connects_total"] = s.Uplink.Connects,
            ["edge_uplink_sent_total"] = s.Uplink.Sent,
            ["edge_uplink_dropped_total"] = s.Uplink.Dropped,
            ["edge_dns_queries_total"] = 90_001,
            ["edge_dns_cache_answers_total"] = 60_002,
            ["edge_dns_blocked_total"] = 303,
            ["edge_dns_servfail_total"] = 4,
            ["edge_dns_unanswered_total"] = 5,
            ["edge_dns_upstreams_up"] = 1,
            ["edge_dns_unobserved_total"] = 6,
            ["edge_block_networks"] = 7_777,
            ["edge_block_dropped_total"] = 99,
            ["edge_block_attempts_total"] = 88,
            ["edge_block_update_failures_total"] = 1,
            ["edge_temperature_celsius"] = 51.25,
            ["edge_uptime_seconds"] = 93_784.5,
        };
        foreach (var (name, value) in expected)
        {
            Assert.True(families.TryGetValue(name, out var family), $"{name} missing");
            var sample = Assert.Single(family.Samples);
            Assert.Empty(sample.Labels);
            Assert.Equal(value, sample.Value);
        }
        Assert.Equal(expected.Count + 2, families.Count);
    }

    [Theory]
    [InlineData("booting")]
    [InlineData("monitoring")]
    [InlineData("warning")]
    [InlineData("uplink-down")]
    [InlineData("alert")]
    [InlineData("fault")]
    public async Task Edge_state_is_1_for_the_current_state_only(string state)
    {
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { State = state };
        var family = ExpositionParser.Parse((await Scrape()).Text)["edge_state"];
        Assert.Equal("gauge", family.Type);
        Assert.Equal(StatusMetrics.States, family.Samples.Select(x => x.Labels["state"]));
        Assert.All(family.Samples, x => Assert.Equal(x.Labels["state"] == state ? 1 : 0, x.Value));
    }

    [Fact]
    public async Task Info_labels_are_escaped_and_read_back_exactly()
    {
        const string board = "pi \"4\" \\ rev\n1.2";
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { Board = board, Version = "1.0 \"beta\"" };
        var (text, _) = await Scrape();
        Assert.Contains("board=\"pi \\\"4\\\" \\\\ rev\\n1.2\"", text, StringComparison.Ordinal);
        var info = Assert.Single(ExpositionParser.Parse(text)["edge_info"].Samples);
        Assert.Equal(1, info.Value);
        Assert.Equal("moh-kigali", info.Labels["agency"]);
        Assert.Equal("edge-07", info.Labels["sensor"]);
        Assert.Equal("1.0 \"beta\"", info.Labels["version"]);
        Assert.Equal(board, info.Labels["board"]);
    }

    [Fact]
    public async Task Temperature_is_left_out_where_the_board_has_none()
    {
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { TemperatureCelsius = null };
        var families = ExpositionParser.Parse((await Scrape()).Text);
        Assert.DoesNotContain("edge_temperature_celsius", families.Keys);
    }

    [Fact]
    public void Uplink_down_shows_as_0()
    {
        var snapshot = TestSnapshots.Monitoring();
        var down = snapshot with { Uplink = snapshot.Uplink with { Connected = false } };
        var families = ExpositionParser.Parse(StatusMetrics.Render(down));
        Assert.Equal(0, Assert.Single(families["edge_uplink_connected"].Samples).Value);
    }

    [Theory]
    [InlineData("# HELP a x\n# TYPE a gauge\na 1\n\n")]
    [InlineData("# TYPE a gauge\na 1\n")]
    [InlineData("# HELP a x\n# TYPE a gauge\nb 1\n")]
    [InlineData("# HELP a x\n# TYPE a gauge\na{l=\"v\"v\"} 1\n")]
    [InlineData("# HELP a x\n# TYPE a gauge\na{l=\"\\t\"} 1\n")]
    [InlineData("# HELP a x\n# TYPE a gauge\na 1,5\n")]
    [InlineData("# HELP a x\n# TYPE a gauge\na 1")]
    [InlineData("# HELP a x\n# TYPE a gauge\na 1\n# HELP b y\n# TYPE b gauge\nb 1\na 2\n")]
    [InlineData("# HELP a x\n# TYPE a gauge\n")]
    public void The_parser_refuses_what_the_format_does_not_allow(string text) =>
        Assert.ThrowsAny<Exception>(() => ExpositionParser.Parse(text));
}

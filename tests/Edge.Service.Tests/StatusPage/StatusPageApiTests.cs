using System.Text.Json;

namespace Edge.Service.Tests.StatusPage;

public sealed class StatusPageApiTests : IAsyncLifetime
{
    private StatusPageHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await StatusPageHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<JsonElement> Status()
    {
        using var client = _host.Admin();
        using var response = await client.GetAsync("/api/status", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Api_status_is_the_snapshot_in_snake_case()
    {
        var status = await Status();
        Assert.Equal("moh-kigali", status.GetProperty("agency").GetString());
        Assert.Equal("edge-07", status.GetProperty("sensor").GetString());
        Assert.True(status.GetProperty("simulated_gpio").GetBoolean());
        Assert.Equal("monitoring", status.GetProperty("state").GetString());
        Assert.Equal("SlowBlink", status.GetProperty("led_pattern").GetString());
        Assert.Equal(TestSnapshots.Started, status.GetProperty("started").GetDateTimeOffset());
        Assert.Equal(12, status.GetProperty("capture").GetProperty("kernel_drops").GetInt64());
        Assert.Equal(9_876_543_210, status.GetProperty("capture").GetProperty("bytes").GetInt64());
        Assert.Equal(8_765, status.GetProperty("capture").GetProperty("dns_messages").GetInt64());
        Assert.Equal(65_536, status.GetProperty("uplink").GetProperty("outbox_bytes").GetInt64());
        Assert.Equal(5, status.GetProperty("alerts").GetProperty("rate_limited").GetInt64());
        Assert.Equal("high", status.GetProperty("alerts").GetProperty("highest_open").GetString());
        Assert.Equal(51.25, status.GetProperty("temperature_celsius").GetDouble());
        var alert = status.GetProperty("recent_alerts")[0];
        Assert.Equal(TestSnapshots.HostileIndicator, alert.GetProperty("indicator").GetString());
        Assert.False(alert.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(2, status.GetProperty("recent_alerts").GetArrayLength());
    }

    [Fact]
    public async Task Missing_values_are_written_as_null()
    {
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { TemperatureCelsius = null };
        var status = await Status();
        Assert.Equal(JsonValueKind.Null, status.GetProperty("temperature_celsius").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("capture").GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("uplink").GetProperty("last_error").ValueKind);
    }

    [Fact]
    public async Task Each_request_reads_a_fresh_snapshot()
    {
        Assert.Equal("monitoring", (await Status()).GetProperty("state").GetString());
        _host.Source.Snapshot = TestSnapshots.Monitoring() with { State = "uplink-down" };
        Assert.Equal("uplink-down", (await Status()).GetProperty("state").GetString());
    }
}

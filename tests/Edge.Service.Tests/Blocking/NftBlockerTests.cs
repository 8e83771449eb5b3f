using Edge.Detect.Alerts;
using Edge.Detect.Intel;
using Edge.Service.Blocking;
using Edge.Watch.Net;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Service.Tests.Blocking;

public sealed class NftBlockerTests
{
    private static IntelSnapshot One(string address, string category = "cnc")
    {
        var builder = new IntelSnapshotBuilder();
        builder.AddCidr(IpAddr.Parse(address), 32, new IntelList("feed.txt", category));
        return builder.Build();
    }

    [Fact]
    public void The_start_writes_the_table_and_each_intel_update_rewrites_only_the_sets()
    {
        var nft = new RecordingNft();
        var holder = new IntelHolder(One("192.0.2.1"));
        using var blocker = new NftBlocker(new BlockingSettings { Mode = BlockingMode.Gateway }, nft, NullLogger.Instance);

        Assert.True(blocker.Start(holder));
        holder.Swap(One("192.0.2.2"));
        Assert.True(SpinWait.SpinUntil(() => blocker.Counters.Updates == 2, TimeSpan.FromSeconds(10)));

        Assert.StartsWith("table inet edge {}\ndelete table inet edge\n", nft.Scripts[0], StringComparison.Ordinal);
        Assert.Contains("192.0.2.1/32", nft.Scripts[0], StringComparison.Ordinal);
        Assert.StartsWith("flush set inet edge blocked4\n", nft.Scripts[1], StringComparison.Ordinal);
        Assert.Contains("192.0.2.2/32", nft.Scripts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.1", nft.Scripts[1], StringComparison.Ordinal);
        Assert.Equal(1, blocker.Counters.V4Networks);
        blocker.Stop();
        Assert.Equal("delete table inet edge", nft.Commands.Last());
    }

    [Fact]
    public void A_failing_nft_is_counted_and_the_next_update_writes_the_whole_table_again()
    {
        var nft = new RecordingNft(ok: false);
        using var blocker = new NftBlocker(new BlockingSettings(), nft, NullLogger.Instance);

        Assert.False(blocker.Apply(One("192.0.2.1")));
        Assert.Equal(1, blocker.Counters.Failures);
        Assert.Equal("Error: Operation not permitted", blocker.Counters.LastError);
        nft.Ok = true;
        Assert.True(blocker.Apply(One("192.0.2.1")));
        Assert.StartsWith("table inet edge {}", nft.Scripts[1], StringComparison.Ordinal);
        Assert.True(blocker.Apply(One("192.0.2.2")));
        Assert.StartsWith("flush set", nft.Scripts[2], StringComparison.Ordinal);
        Assert.Null(blocker.Counters.LastError);
    }

    [Fact]
    public void A_missing_nft_program_is_a_failed_result_not_an_exception()
    {
        var result = new NftProcessRunner("/nonexistent/nft").RunScript(w => w.Write("list ruleset\n"));

        Assert.False(result.Ok);
        Assert.Contains("/nonexistent/nft", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_drop_counters_are_read_from_nft_json()
    {
        const string json = """
            {"nftables": [{"metainfo": {"version": "1.0.6"}},
            {"counter": {"family": "inet", "name": "dropped_out", "table": "edge", "handle": 2, "packets": 17, "bytes": 1020}},
            {"counter": {"family": "inet", "name": "dropped_in", "table": "edge", "handle": 3, "packets": 4, "bytes": 240}}]}
            """;
        var nft = new RecordingNft(counters: json);
        using var blocker = new NftBlocker(new BlockingSettings(), nft, NullLogger.Instance);

        Assert.True(blocker.ReadCounters());

        Assert.Equal("-j list counters table inet edge", nft.Commands.Single());
        Assert.Equal(17, blocker.Counters.DroppedOut);
        Assert.Equal(4, blocker.Counters.DroppedIn);
    }

    [Fact]
    public void Monitor_mode_runs_nothing()
    {
        var nft = new RecordingNft();
        var holder = new IntelHolder(One("192.0.2.1"));

        var blocking = GatewayBlocking.Start(new BlockingSettings(), holder, new NoAlerts(), new AlertOptions(), NullLoggerFactory.Instance, nft);
        holder.Swap(One("192.0.2.2"));

        Assert.Null(blocking);
        Assert.Empty(nft.Scripts);
        Assert.Empty(nft.Commands);
    }

    [Theory]
    [InlineData("Mode", "Bridge")]
    [InlineData("Table", "Edge Table")]
    [InlineData("Categories:0", "C&C")]
    [InlineData("LogGroup", "70000")]
    [InlineData("LogRate", "0")]
    public void Bad_settings_are_refused_by_key(string key, string value)
    {
        var settings = new BlockingSettings();
        switch (key)
        {
            case "Mode": settings.Mode = (BlockingMode)7; break;
            case "Table": settings.Table = value; break;
            case "Categories:0": settings.Categories = [value]; break;
            case "LogGroup": settings.LogGroup = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "LogRate": settings.LogRate = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var error = Assert.ThrowsAny<ArgumentException>(settings.Validate);
        Assert.Equal(key, error.ParamName);
    }

    private sealed class NoAlerts : IAlertSink
    {
        public void Raise(Alert alert) => Assert.Fail("no alert expected");
    }
}

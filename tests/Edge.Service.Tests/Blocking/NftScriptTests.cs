using Edge.Detect.Intel;
using Edge.Service.Blocking;
using Edge.Watch.Net;

namespace Edge.Service.Tests.Blocking;

public sealed class NftScriptTests
{
    private static IntelSnapshot Snapshot(params (string Network, int Length, string Category)[] entries)
    {
        var builder = new IntelSnapshotBuilder();
        var lists = new Dictionary<string, IntelList>();
        foreach (var (network, length, category) in entries)
        {
            if (!lists.TryGetValue(category, out var list))
                lists[category] = list = new IntelList("feed.txt", category);
            builder.AddCidr(IpAddr.Parse(network), length, list);
        }
        return builder.Build();
    }

    private static string Write(Func<TextWriter, BlockingSettings, IntelSnapshot, ElementCounts> write, IntelSnapshot snapshot,
        BlockingSettings? settings = null)
    {
        var text = new StringWriter();
        write(text, settings ?? new BlockingSettings(), snapshot);
        return text.ToString();
    }

    [Fact]
    public void The_table_has_both_sets_the_logging_and_dropping_chain_and_the_elements()
    {
        var script = Write(NftScript.WriteTable, Snapshot(("203.0.113.0", 24, "cnc"), ("198.51.100.7", 32, "phishing"), ("2001:db8::", 32, "botnet")),
            new BlockingSettings { Table = "edgetest", LogGroup = 9, LogRate = 20 });

        Assert.StartsWith("table inet edgetest {}\ndelete table inet edgetest\ntable inet edgetest {\n", script, StringComparison.Ordinal);
        Assert.Contains("set blocked4 { type ipv4_addr; flags interval; auto-merge; }", script, StringComparison.Ordinal);
        Assert.Contains("set blocked6 { type ipv6_addr; flags interval; auto-merge; }", script, StringComparison.Ordinal);
        Assert.Contains("type filter hook forward priority filter; policy accept;", script, StringComparison.Ordinal);
        Assert.Contains("ip daddr @blocked4 limit rate 20/second log group 9 prefix \"edge-block\"\n", script, StringComparison.Ordinal);
        Assert.Contains("ip daddr @blocked4 counter name \"dropped_out\" drop\n", script, StringComparison.Ordinal);
        Assert.Contains("ip6 saddr @blocked6 counter name \"dropped_in\" drop\n", script, StringComparison.Ordinal);
        var v4 = script.Split('\n').Single(line => line.StartsWith("add element inet edgetest blocked4", StringComparison.Ordinal));
        Assert.Contains("203.0.113.0/24", v4, StringComparison.Ordinal);
        Assert.Contains("198.51.100.7/32", v4, StringComparison.Ordinal);
        Assert.EndsWith("add element inet edgetest blocked6 { 2001:db8::/32 }\n", script, StringComparison.Ordinal);
        // The log rule comes before the drop: log does not end the walk, drop does.
        Assert.True(script.IndexOf("log group", StringComparison.Ordinal) < script.IndexOf(" drop\n", StringComparison.Ordinal));
    }

    [Fact]
    public void An_update_flushes_and_refills_both_sets_in_one_script()
    {
        var script = Write(NftScript.WriteUpdate, Snapshot(("192.0.2.1", 32, "cnc")));

        Assert.Equal("flush set inet edge blocked4\nflush set inet edge blocked6\nadd element inet edge blocked4 { 192.0.2.1/32 }\n", script);
    }

    [Fact]
    public void Empty_sets_get_no_element_statement()
    {
        Assert.Equal("flush set inet edge blocked4\nflush set inet edge blocked6\n", Write(NftScript.WriteUpdate, IntelSnapshot.Empty));
        Assert.DoesNotContain("add element", Write(NftScript.WriteTable, IntelSnapshot.Empty), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_configured_categories_are_blocked()
    {
        var snapshot = Snapshot(("192.0.2.1", 32, "cnc"), ("192.0.2.2", 32, "benign"), ("192.0.2.3", 32, "doh"), ("192.0.2.4", 32, "mining"));

        var text = new StringWriter();
        var counts = NftScript.WriteElements(text, new BlockingSettings { Categories = ["cnc", "doh"] }, snapshot);

        Assert.Equal(new ElementCounts(2, 0), counts);
        Assert.Contains("192.0.2.1/32", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("192.0.2.3/32", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.2", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.4", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Large_sets_are_written_in_batches()
    {
        var builder = new IntelSnapshotBuilder();
        var list = new IntelList("feed.txt", "cnc");
        for (uint i = 0; i < NftScript.Batch * 2 + 5; i++)
            builder.AddCidr(IpAddr.FromIPv4(0x0A000000 + i), 32, list);

        var script = Write(NftScript.WriteUpdate, builder.Build());

        Assert.Equal(3, script.Split('\n').Count(line => line.StartsWith("add element", StringComparison.Ordinal)));
        Assert.Equal(NftScript.Batch * 2 + 5, script.Split(", ").Length + 2);
    }
}

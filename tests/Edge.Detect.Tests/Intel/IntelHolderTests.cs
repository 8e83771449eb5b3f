using Edge.Detect.Intel;

namespace Edge.Detect.Tests.Intel;

public class IntelHolderTests
{
    [Fact]
    public void Reload_swaps_in_the_new_lists()
    {
        using var lists = new TempLists();
        var path = lists.Write("cnc.txt", "old.example\n");
        var holder = new IntelHolder(IntelSnapshot.Empty);

        Assert.True(holder.Reload([new IntelSource(path)]).Swapped);
        Assert.True(holder.Current.TryMatchDomain("old.example"u8, out _));

        File.WriteAllText(path, "new.example\n");
        var result = holder.Reload([new IntelSource(path)]);

        Assert.True(result.Swapped);
        Assert.Same(result.Current, holder.Current);
        Assert.False(holder.Current.TryMatchDomain("old.example"u8, out _));
        Assert.True(holder.Current.TryMatchDomain("a.new.example"u8, out _));
    }

    [Fact]
    public void An_unreadable_file_keeps_the_previous_snapshot_with_a_warning()
    {
        using var lists = new TempLists();
        var path = lists.Write("cnc.txt", "old.example\n");
        var holder = new IntelHolder(IntelSnapshot.Empty);
        holder.Reload([new IntelSource(path)]);
        var before = holder.Current;

        var result = holder.Reload([new IntelSource(path), new IntelSource(Path.Combine(lists.Root, "gone.txt"))]);
        var sharded = holder.ReloadByShards([new IntelSource(Path.Combine(lists.Root, "gone.txt"))]);

        Assert.False(result.Swapped);
        Assert.False(sharded.Swapped);
        Assert.Same(before, holder.Current);
        Assert.Single(result.Report.Warnings);
    }

    [Fact]
    public void Sharded_reload_ends_equal_to_a_full_load()
    {
        using var lists = new TempLists();
        var names = Enumerable.Range(0, 500).Select(i => $"host{i}.example{i % 7}.net").ToArray();
        var path = lists.Write("phishing.txt", string.Join('\n', names) + "\n10.0.0.0/8\n");
        var holder = new IntelHolder(IntelLoader.Load([lists.Write("old-malware.txt", "old.example\n")]).Snapshot);

        var result = holder.ReloadByShards([new IntelSource(path)]);

        Assert.True(result.Swapped);
        Assert.Equal(500, holder.Current.DomainCount);
        Assert.Equal(1, holder.Current.CidrCount);
        Assert.Equal(500, result.Report.Domains);
        Assert.False(holder.Current.TryMatchDomain("old.example"u8, out _));
        Assert.All(names, name => Assert.True(holder.Current.TryMatchDomain(System.Text.Encoding.ASCII.GetBytes(name), out _)));
    }

    [Fact]
    public void Sharded_reload_matches_a_full_load_entry_for_entry()
    {
        using var lists = new TempLists();
        var names = Enumerable.Range(0, 3000).Select(i => $"n{i}.zone{i % 13}.example").ToArray();
        var domains = lists.Write("mixed.txt", string.Join('\n', names.Select((name, i) => $"{name}\t{(i % 2 == 0 ? "cnc" : "phishing")}"))
            + "\nn5.zone5.example\tmining\n");
        var networks = Enumerable.Range(0, 2000).Select(i => $"10.{i >> 8}.{i & 255}.0/24").ToArray();
        var cidrs = lists.Write("botnet.txt", string.Join('\n', networks) + "\n10.0.0.0/24\n2001:db8::/32\n");
        IntelSource[] sources = [new(domains), new(cidrs)];
        var full = IntelLoader.Load(sources).Snapshot;
        var holder = new IntelHolder(IntelLoader.Load([lists.Write("old-malware.txt", "n1.zone1.example\n10.0.0.0/8\n")]).Snapshot);

        var result = holder.ReloadByShards(sources);

        var sharded = holder.Current;
        Assert.True(result.Swapped);
        Assert.Equal((full.DomainCount, full.CidrCount, full.Duplicates), (sharded.DomainCount, sharded.CidrCount, sharded.Duplicates));
        Assert.Equal(2, result.Report.Duplicates);
        foreach (var name in names)
        {
            var bytes = System.Text.Encoding.ASCII.GetBytes("www." + name);
            Assert.True(full.TryMatchDomain(bytes, out var expected));
            Assert.True(sharded.TryMatchDomain(bytes, out var actual));
            Assert.Equal(expected.List.ToString(), actual.List.ToString());
        }
        foreach (var network in networks.Append("2001:db8::/32"))
        {
            var address = Edge.Watch.Net.IpAddr.Parse(network.Split('/')[0]);
            Assert.True(full.TryMatchAddress(address, out var expected));
            Assert.True(sharded.TryMatchAddress(address, out var actual));
            Assert.Equal((expected.List.ToString(), expected.PrefixLength), (actual.List.ToString(), actual.PrefixLength));
        }
        Assert.False(sharded.TryMatchAddress(Edge.Watch.Net.IpAddr.Parse("10.200.0.1"), out _));
    }

    [Fact]
    public async Task Readers_see_a_whole_snapshot_while_updates_swap()
    {
        var a = BuildWith("a.example");
        var b = BuildWith("b.example");
        var holder = new IntelHolder(a);
        long lookups = 0;
        var swapping = true;

        var reader = Task.Run(() =>
        {
            while (Volatile.Read(ref swapping))
            {
                var snapshot = holder.Current;
                var hitA = snapshot.TryMatchDomain("x.a.example"u8, out _);
                var hitB = snapshot.TryMatchDomain("x.b.example"u8, out _);
                Assert.True(hitA ^ hitB);
                Interlocked.Increment(ref lookups);
            }
        }, TestContext.Current.CancellationToken);
        for (var i = 0; Interlocked.Read(ref lookups) < 100_000 && i < 100_000_000; i++)
            holder.Swap(i % 2 == 0 ? b : a);
        Volatile.Write(ref swapping, false);
        await reader;

        Assert.True(Interlocked.Read(ref lookups) >= 100_000);
    }

    private static IntelSnapshot BuildWith(string name)
    {
        var builder = new IntelSnapshotBuilder();
        builder.AddDomain(System.Text.Encoding.ASCII.GetBytes(name), new IntelList("t", "cnc"));
        return builder.Build();
    }
}

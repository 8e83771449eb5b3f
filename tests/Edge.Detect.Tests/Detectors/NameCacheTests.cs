using Edge.Detect.Detectors;
using Edge.Detect.Findings;
using Edge.Detect.Intel;
using Edge.Watch.Link;
using Edge.Watch.Pipeline;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Detect.Tests.Detectors;

public sealed class NameCacheTests
{
    private static readonly IntelSnapshot s_snapshot = IntelSnapshot.Empty;

    [Fact]
    public void A_name_seen_again_hits_and_keeps_what_was_learnt()
    {
        var cache = new NameCache(8, 1);
        ref var facts = ref cache.Get("www.example.com"u8, s_snapshot, out var fresh);
        Assert.True(fresh);
        facts.Text = "www.example.com";
        ref var again = ref cache.Get("www.example.com"u8, s_snapshot, out fresh);
        Assert.False(fresh);
        Assert.Equal("www.example.com", again.Text);
        // Exact bytes: another case is another name (its text differs).
        cache.Get("WWW.example.com"u8, s_snapshot, out fresh);
        Assert.True(fresh);
        Assert.Equal((1L, 2L), (cache.Hits, cache.Misses));
    }

    [Fact]
    public void Capacity_is_fixed_and_every_replaced_name_is_counted()
    {
        var cache = new NameCache(4, 1);
        for (var i = 0; i < 100; i++)
            cache.Get(System.Text.Encoding.ASCII.GetBytes($"host{i}.example.com"), s_snapshot, out _);
        Assert.Equal(100, cache.Misses);
        // At most 4 names are held, so at least 96 took another's place.
        Assert.InRange(cache.Evictions, 96, 100);
    }

    [Fact]
    public void Names_too_long_to_keep_are_worked_out_each_time()
    {
        var cache = new NameCache(4, 1);
        var name = System.Text.Encoding.ASCII.GetBytes(new string('a', NameCache.MaxNameLength) + ".example.com");
        cache.Get(name, s_snapshot, out var fresh).Text = "x";
        Assert.True(fresh);
        Assert.Null(cache.Get(name, s_snapshot, out fresh).Text);
        Assert.True(fresh);
        Assert.Equal(0, cache.Evictions);
    }

    [Fact]
    public void A_new_intel_snapshot_empties_the_cache()
    {
        var cache = new NameCache(4, 1);
        cache.Get("a.example"u8, s_snapshot, out _);
        var next = new IntelSnapshotBuilder().Build();
        cache.Get("a.example"u8, next, out var fresh);
        Assert.True(fresh);
        Assert.Equal(1, cache.Flushes);
    }

    [Fact]
    public void The_engine_asks_the_current_intel_even_for_a_name_it_has_cached()
    {
        var listed = new IntelSnapshotBuilder();
        listed.AddDomain("evil.example"u8, new IntelList("test.txt", AlertCategories.Phishing));
        var withEvil = listed.Build();
        var holder = new IntelHolder(withEvil);
        var findings = new List<Finding>();
        var engine = new WatchEngine(new WatchOptions(), new DetectionEngine(holder, new DetectionOptions(), new Sink(findings)));
        var port = (ushort)40000;
        void Query(long at)
        {
            var frame = Frames.UdpV4("10.77.0.9", port++, "192.0.2.53", 53, DnsQuery("www.evil.example"));
            engine.Process(LinkType.Ethernet, at, frame, frame.Length);
        }

        Query(1_000_000);
        Query(2_000_000);
        Assert.Equal(2, findings.Count);
        holder.Swap(IntelSnapshot.Empty);
        Query(3_000_000);
        Assert.Equal(2, findings.Count);
        holder.Swap(withEvil);
        Query(4_000_000);
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal("www.evil.example", f.Indicator));
    }

    private static byte[] DnsQuery(string name)
    {
        var message = new List<byte> { 0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in name.Split('.'))
        {
            message.Add((byte)label.Length);
            message.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }
        message.AddRange([0, 0, 1, 0, 1]);
        return [.. message];
    }

    private sealed class Sink(List<Finding> findings) : IFindingSink
    {
        public void Report(Finding finding) => findings.Add(finding);
    }
}

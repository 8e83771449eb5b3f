using System.Text;
using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Intel;

/// <summary>Names and networks live in fixed-size chunks (1 MiB of name records, 65,536
/// networks); these cross several chunk boundaries.</summary>
public class ChunkedStorageTests
{
    [Fact]
    public void Names_spread_over_several_chunks_all_match_with_their_list()
    {
        var builder = new IntelSnapshotBuilder();
        var lists = new[] { new IntelList("a", "cnc"), new IntelList("b", "phishing"), new IntelList("c", "mining") };
        var names = Enumerable.Range(0, 120_000).Select(i => $"host-{i:x}.some-longer-label-{i % 97}.example.net").ToArray();
        for (var i = 0; i < names.Length; i++)
            Assert.True(builder.AddDomain(Encoding.ASCII.GetBytes(names[i]), lists[i % 3]));
        Assert.True(builder.AddDomain(Encoding.ASCII.GetBytes(names[77_777].ToUpperInvariant()), lists[0]));

        var snapshot = builder.Build();

        Assert.True(snapshot.Bytes > 4 << 20);
        Assert.Equal(names.Length, snapshot.DomainCount);
        Assert.Equal(1, snapshot.Duplicates);
        for (var i = 0; i < names.Length; i++)
        {
            Assert.True(snapshot.TryMatchDomain(Encoding.ASCII.GetBytes("x." + names[i].ToUpperInvariant()), out var match));
            Assert.Same(lists[i % 3], match.List);
            Assert.Equal(2, match.Start);
        }
        Assert.False(snapshot.TryMatchDomain("host-0.some-longer-label-1.example.net"u8, out _));
    }

    [Fact]
    public void Networks_spread_over_several_chunks_all_match()
    {
        var builder = new IntelSnapshotBuilder();
        var list = new IntelList("t", "botnet");
        const int count = 200_000;
        for (var i = 0; i < count; i++)
            Assert.True(builder.AddCidr(IpAddr.FromIPv4(0x0A000000u + (uint)i * 2), 32, list));
        Assert.True(builder.AddCidr(IpAddr.FromIPv4(0x0A000000u + 2 * 150_000), 32, new IntelList("t", "cnc")));

        var snapshot = builder.Build();

        Assert.Equal(count, snapshot.CidrCount);
        Assert.Equal(1, snapshot.Duplicates);
        for (var i = 0; i < count; i++)
        {
            Assert.True(snapshot.TryMatchAddress(IpAddr.FromIPv4(0x0A000000u + (uint)i * 2), out var match));
            Assert.Same(list, match.List);
        }
        Assert.False(snapshot.TryMatchAddress(IpAddr.FromIPv4(0x0A000001u), out _));
    }
}

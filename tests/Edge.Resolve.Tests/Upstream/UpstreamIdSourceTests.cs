using Edge.Resolve.Upstream;

namespace Edge.Resolve.Tests.Upstream;

public sealed class UpstreamIdSourceTests
{
    [Fact]
    public void Ids_are_spread_over_the_16_bit_space_and_not_sequential()
    {
        var source = new UpstreamIdSource();
        var ids = Enumerable.Range(0, 10_000).Select(_ => source.Next()).ToArray();
        Assert.True(ids.Distinct().Count() > 9_000, "ids repeat far more than random ids do");
        var sequential = ids.Zip(ids.Skip(1)).Count(pair => (ushort)(pair.First + 1) == pair.Second);
        Assert.True(sequential < 10, $"{sequential} ids follow their predecessor");
        Assert.True(ids.Count(id => id >= 0x8000) is > 4_500 and < 5_500, "the high bit is not random");
    }
}

using Edge.Detect.Behaviour;

namespace Edge.Detect.Tests.Behaviour;

public sealed class LruSlotMapTests
{
    [Fact]
    public void Starts_small_grows_to_its_cap_and_finds_every_key_after_each_growth()
    {
        var map = new LruSlotMap<long>(1000);
        Assert.Equal(LruSlotMap<long>.InitialCapacity, map.Capacity);
        for (long key = 0; key < 1000; key++)
        {
            Assert.Equal((int)key, map.Acquire(key, out var created));
            Assert.True(created);
            Assert.True(map.Capacity > key);
        }
        Assert.Equal(1000, map.Capacity);
        for (long key = 0; key < 1000; key++)
        {
            Assert.True(map.TryFind(key, out var slot));
            Assert.Equal((int)key, slot);
            Assert.Equal(key, map.KeyAt(slot));
        }
        Assert.Equal(0, map.Evictions);
    }

    [Fact]
    public void At_the_cap_the_least_recently_used_key_gives_up_its_slot()
    {
        var map = new LruSlotMap<long>(100);
        for (long key = 0; key < 100; key++)
            map.Acquire(key, out _);
        map.Acquire(0, out var created);
        Assert.False(created);
        var slot = map.Acquire(500, out created);
        Assert.True(created);
        Assert.Equal(1, slot);
        Assert.Equal(100, map.Capacity);
        Assert.Equal(1, map.Evictions);
        Assert.False(map.TryFind(1, out _));
        Assert.True(map.TryFind(0, out _));
    }
}

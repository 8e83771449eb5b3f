using Edge.Watch.Streams;

namespace Edge.Watch.Tests.Streams;

public class StreamBufferPoolTests
{
    [Fact]
    public void When_all_are_taken_the_oldest_is_reclaimed_and_its_holder_can_tell()
    {
        var pool = new StreamBufferPool(2, 1024);
        var first = pool.Rent(10, out var firstGeneration);
        var second = pool.Rent(20, out var secondGeneration);
        var third = pool.Rent(30, out var thirdGeneration);
        Assert.Equal(first, third);
        Assert.Equal(1, pool.Reclaimed);
        Assert.False(pool.Holds(first, firstGeneration));
        Assert.True(pool.Holds(third, thirdGeneration));
        Assert.True(pool.Holds(second, secondGeneration));
        pool.Return(first, firstGeneration);
        Assert.Equal(2, pool.InUse);
    }

    [Fact]
    public void A_stale_holder_never_matches_again_however_often_the_buffer_cycles()
    {
        var pool = new StreamBufferPool(1, 1024);
        var index = pool.Rent(0, out var stale);
        pool.Return(index, stale);
        for (var i = 0; i < 70_000; i++)
        {
            pool.Rent(i, out var generation);
            Assert.False(pool.Holds(index, stale));
            pool.Return(index, generation);
        }
    }

    [Fact]
    public void Consuming_moves_a_read_offset_and_appends_compact_only_when_needed()
    {
        var pool = new StreamBufferPool(1, 1024);
        var buffer = pool.Rent(0, out _);
        pool.TryAppend(buffer, Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray());
        pool.Consume(buffer, 990);
        Assert.Equal(Enumerable.Range(990, 10).Select(i => (byte)i).ToArray(), pool.Data(buffer).ToArray());
        Assert.True(pool.TryAppend(buffer, new byte[1000]));
        Assert.Equal(1010, pool.Data(buffer).Length);
        Assert.Equal((byte)(990 % 256), pool.Data(buffer)[0]);
    }

    [Fact]
    public void Returned_buffers_are_reused()
    {
        var pool = new StreamBufferPool(3, 1024);
        var a = pool.Rent(0, out var generation);
        pool.Return(a, generation);
        Assert.Equal(0, pool.InUse);
        Assert.Equal(a, pool.Rent(1, out _));
    }

    [Fact]
    public void Append_refuses_what_does_not_fit_and_keeps_the_rest()
    {
        var pool = new StreamBufferPool(1, 1024);
        var buffer = pool.Rent(0, out _);
        Assert.True(pool.TryAppend(buffer, new byte[1000]));
        Assert.Equal(24, pool.Space(buffer));
        Assert.False(pool.TryAppend(buffer, new byte[25]));
        Assert.Equal(1000, pool.Data(buffer).Length);
    }

    [Fact]
    public void Consume_shifts_the_remainder_to_the_front()
    {
        var pool = new StreamBufferPool(2, 1024);
        var buffer = pool.Rent(0, out _);
        pool.TryAppend(buffer, [1, 2, 3, 4, 5]);
        pool.Consume(buffer, 2);
        Assert.Equal([3, 4, 5], pool.Data(buffer).ToArray());
    }

    [Fact]
    public void Buffers_do_not_overlap()
    {
        var pool = new StreamBufferPool(2, 1024);
        var a = pool.Rent(0, out _);
        var b = pool.Rent(0, out _);
        pool.TryAppend(a, Enumerable.Repeat((byte)0xaa, 1024).ToArray());
        pool.TryAppend(b, Enumerable.Repeat((byte)0xbb, 1024).ToArray());
        Assert.All(pool.Data(a).ToArray(), x => Assert.Equal(0xaa, x));
    }
}

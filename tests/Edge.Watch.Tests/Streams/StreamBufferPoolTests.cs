using Edge.Watch.Streams;

namespace Edge.Watch.Tests.Streams;

public class StreamBufferPoolTests
{
    [Fact]
    public void Rent_until_empty_then_minus_one()
    {
        var pool = new StreamBufferPool(3, 1024);
        Assert.NotEqual(-1, pool.Rent());
        Assert.NotEqual(-1, pool.Rent());
        var last = pool.Rent();
        Assert.NotEqual(-1, last);
        Assert.Equal(-1, pool.Rent());
        pool.Return(last);
        Assert.Equal(last, pool.Rent());
    }

    [Fact]
    public void Append_refuses_what_does_not_fit_and_keeps_the_rest()
    {
        var pool = new StreamBufferPool(1, 1024);
        var buffer = pool.Rent();
        Assert.True(pool.TryAppend(buffer, new byte[1000]));
        Assert.False(pool.TryAppend(buffer, new byte[25]));
        Assert.Equal(1000, pool.Data(buffer).Length);
    }

    [Fact]
    public void Consume_shifts_the_remainder_to_the_front()
    {
        var pool = new StreamBufferPool(2, 1024);
        var buffer = pool.Rent();
        pool.TryAppend(buffer, [1, 2, 3, 4, 5]);
        pool.Consume(buffer, 2);
        Assert.Equal([3, 4, 5], pool.Data(buffer).ToArray());
    }

    [Fact]
    public void Buffers_do_not_overlap()
    {
        var pool = new StreamBufferPool(2, 1024);
        var a = pool.Rent();
        var b = pool.Rent();
        pool.TryAppend(a, Enumerable.Repeat((byte)0xaa, 1024).ToArray());
        pool.TryAppend(b, Enumerable.Repeat((byte)0xbb, 1024).ToArray());
        Assert.All(pool.Data(a).ToArray(), x => Assert.Equal(0xaa, x));
    }
}

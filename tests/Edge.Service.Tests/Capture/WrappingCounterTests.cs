using Edge.Service.Capture;

namespace Edge.Service.Tests.Capture;

public class WrappingCounterTests
{
    [Fact]
    public void Counts_on_past_libpcaps_32_bits()
    {
        var counter = default(WrappingCounter);
        counter.Update(int.MaxValue);
        counter.Update(uint.MaxValue - 5);
        counter.Update(10);

        Assert.Equal((long)uint.MaxValue + 11, counter.Total);
    }

    [Fact]
    public void A_counter_that_steps_back_starts_a_new_origin_instead_of_adding_billions()
    {
        var counter = default(WrappingCounter);
        counter.Update(100);
        counter.Update(40);
        counter.Update(45);

        Assert.Equal(105, counter.Total);
    }
}

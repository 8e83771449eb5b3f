using Edge.Watch.Flows;
using Edge.Watch.Streams;

namespace Edge.Watch.Tests.Streams;

public class SegmentOrdererTests
{
    private static SegmentOrderer.Verdict Accept(ref StreamState stream, uint sequence, bool syn, byte[] data, out byte[] delivered)
    {
        ReadOnlySpan<byte> payload = data;
        var verdict = SegmentOrderer.Accept(ref stream, sequence, syn, ref payload);
        delivered = payload.ToArray();
        return verdict;
    }

    [Fact]
    public void In_order_segments_are_delivered_after_the_syn()
    {
        var stream = new StreamState();
        Assert.Equal(SegmentOrderer.Verdict.Duplicate, Accept(ref stream, 1000, true, [], out _));
        Assert.Equal(SegmentOrderer.Verdict.Deliver, Accept(ref stream, 1001, false, [1, 2], out var a));
        Assert.Equal(SegmentOrderer.Verdict.Deliver, Accept(ref stream, 1003, false, [3], out var b));
        Assert.Equal([1, 2], a);
        Assert.Equal([3], b);
    }

    [Fact]
    public void Retransmission_is_dropped_and_overlap_trimmed()
    {
        var stream = new StreamState();
        Accept(ref stream, 0, true, [], out _);
        Accept(ref stream, 1, false, [1, 2, 3], out _);
        Assert.Equal(SegmentOrderer.Verdict.Duplicate, Accept(ref stream, 1, false, [1, 2, 3], out _));
        Assert.Equal(SegmentOrderer.Verdict.Deliver, Accept(ref stream, 3, false, [3, 4, 5], out var fresh));
        Assert.Equal([4, 5], fresh);
    }

    [Fact]
    public void Segment_past_a_hole_is_ahead()
    {
        var stream = new StreamState();
        Accept(ref stream, 0, true, [], out _);
        Assert.Equal(SegmentOrderer.Verdict.Ahead, Accept(ref stream, 10, false, [1], out _));
    }

    [Fact]
    public void Sequence_numbers_wrap()
    {
        var stream = new StreamState();
        Accept(ref stream, uint.MaxValue - 1, true, [], out _);
        Assert.Equal(SegmentOrderer.Verdict.Deliver, Accept(ref stream, uint.MaxValue, false, [1, 2], out _));
        Assert.Equal(SegmentOrderer.Verdict.Deliver, Accept(ref stream, 1, false, [3], out var after));
        Assert.Equal([3], after);
        Assert.Equal(SegmentOrderer.Verdict.Duplicate, Accept(ref stream, uint.MaxValue, false, [1, 2], out _));
    }

    [Fact]
    public void Midstream_pickup_starts_at_the_first_data()
    {
        var stream = new StreamState();
        Assert.Equal(SegmentOrderer.Verdict.Deliver, Accept(ref stream, 777, false, [1], out _));
        Assert.Equal(SegmentOrderer.Verdict.Deliver, Accept(ref stream, 778, false, [2], out _));
    }
}

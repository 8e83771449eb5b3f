using Edge.Watch.Fragments;
using Edge.Watch.Net;

namespace Edge.Watch.Tests.Fragments;

public class FragmentReassemblerTests
{
    private const long Second = 1_000_000;

    private static IpHeader Header(int offset, bool more, uint id = 7, string source = "192.0.2.53") => new()
    {
        Version = 4,
        Source = IpAddr.Parse(source),
        Destination = IpAddr.Parse("10.77.0.10"),
        Protocol = IpProtocols.Udp,
        FragmentId = id,
        FragmentOffset = offset,
        MoreFragments = more,
        IsFragment = true,
    };

    private static byte[] Bytes(int count, byte seed) => Enumerable.Range(0, count).Select(i => (byte)(seed + i)).ToArray();

    [Fact]
    public void Pieces_in_any_order_give_the_whole_datagram()
    {
        var whole = Bytes(40, 1);
        var reassembler = new FragmentReassembler(4, 30);
        Assert.Equal(FragmentResult.Incomplete, reassembler.Add(Header(16, true), whole.AsSpan(16, 16), 0, out _, out _));
        Assert.Equal(FragmentResult.Incomplete, reassembler.Add(Header(32, false), whole.AsSpan(32), 1, out _, out _));
        Assert.Equal(FragmentResult.Complete, reassembler.Add(Header(0, true), whole.AsSpan(0, 16), 2, out var datagram, out _));
        Assert.Equal(whole, datagram.ToArray());
        Assert.Equal(1, reassembler.Reassembled);
    }

    [Fact]
    public void A_hole_is_never_reported_complete_even_with_pieces_past_the_end()
    {
        var reassembler = new FragmentReassembler(4, 30);
        reassembler.Add(Header(0, true), Bytes(16, 1), 0, out _, out _);
        reassembler.Add(Header(48, true), Bytes(16, 9), 1, out _, out _);
        // Final piece ends at 32 while a piece is held at 48..64: not one datagram.
        Assert.Equal(FragmentResult.BadLength, reassembler.Add(Header(24, false), Bytes(8, 3), 2, out _, out _));
        Assert.Equal(1, reassembler.Dropped);
    }

    [Fact]
    public void A_piece_past_a_known_end_is_refused()
    {
        var reassembler = new FragmentReassembler(4, 30);
        reassembler.Add(Header(16, false), Bytes(8, 1), 0, out _, out _);
        Assert.Equal(FragmentResult.BadLength, reassembler.Add(Header(24, true), Bytes(16, 2), 1, out _, out _));
    }

    [Fact]
    public void Exact_repeat_is_a_duplicate_and_a_different_overlap_drops_the_datagram()
    {
        var reassembler = new FragmentReassembler(4, 30);
        reassembler.Add(Header(0, true), Bytes(16, 1), 0, out _, out _);
        Assert.Equal(FragmentResult.Duplicate, reassembler.Add(Header(0, true), Bytes(16, 1), 1, out _, out _));
        Assert.Equal(FragmentResult.Overlap, reassembler.Add(Header(8, true), Bytes(16, 50), 2, out _, out _));
        Assert.Equal(FragmentResult.Incomplete, reassembler.Add(Header(16, false), Bytes(4, 1), 3, out _, out _));
    }

    [Fact]
    public void Non_final_piece_not_a_multiple_of_eight_is_bad()
    {
        var reassembler = new FragmentReassembler(4, 30);
        Assert.Equal(FragmentResult.BadLength, reassembler.Add(Header(0, true), Bytes(13, 1), 0, out _, out _));
    }

    [Fact]
    public void A_piece_ending_past_65535_is_too_large()
    {
        var reassembler = new FragmentReassembler(4, 30);
        Assert.Equal(FragmentResult.TooLarge, reassembler.Add(Header(65528, false), Bytes(16, 1), 0, out _, out _));
    }

    [Fact]
    public void Datagrams_are_kept_apart_by_id_and_source()
    {
        var reassembler = new FragmentReassembler(4, 30);
        reassembler.Add(Header(0, true, id: 1), Bytes(8, 1), 0, out _, out _);
        reassembler.Add(Header(0, true, id: 2), Bytes(8, 100), 0, out _, out _);
        reassembler.Add(Header(0, true, id: 1, source: "198.51.100.1"), Bytes(8, 200), 0, out _, out _);
        Assert.Equal(FragmentResult.Complete, reassembler.Add(Header(8, false, id: 2), Bytes(8, 108), 1, out var two, out _));
        Assert.Equal(Bytes(16, 100), two.ToArray());
    }

    [Fact]
    public void Old_incomplete_datagrams_time_out_and_the_oldest_is_pushed_out_when_full()
    {
        var reassembler = new FragmentReassembler(2, 30);
        reassembler.Add(Header(0, true, id: 1), Bytes(8, 1), 0, out _, out _);
        reassembler.Add(Header(0, true, id: 2), Bytes(8, 1), 1, out _, out _);
        reassembler.Add(Header(0, true, id: 3), Bytes(8, 1), 2, out _, out _);
        Assert.Equal(1, reassembler.Dropped);
        reassembler.Add(Header(0, true, id: 4), Bytes(8, 1), 31 * Second, out _, out _);
        Assert.Equal(3, reassembler.Dropped);
        // id 1 was pushed out: its last piece starts a new, incomplete datagram.
        Assert.Equal(FragmentResult.Incomplete, reassembler.Add(Header(8, false, id: 1), Bytes(8, 9), 31 * Second, out _, out _));
    }
}

using Edge.Flashing.Framing;

namespace Edge.Flashing.Tests.Framing;

public class CobsTests
{
    [Fact]
    public void Encodes_the_examples_of_the_COBS_paper()
    {
        Assert.Equal(Convert.FromHexString("0101"), Encode(Convert.FromHexString("00")));
        Assert.Equal(Convert.FromHexString("010101"), Encode(Convert.FromHexString("0000")));
        Assert.Equal(Convert.FromHexString("0311220233"), Encode(Convert.FromHexString("11220033")));
        Assert.Equal(Convert.FromHexString("0511223344"), Encode(Convert.FromHexString("11223344")));
        Assert.Equal(Convert.FromHexString("0211010101"), Encode(Convert.FromHexString("11000000")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(253)]
    [InlineData(254)]
    [InlineData(255)]
    [InlineData(508)]
    [InlineData(4107)]
    public void Round_trips_zero_free_runs_at_block_boundaries(int length)
    {
        var data = Enumerable.Range(0, length).Select(i => (byte)(i % 255 + 1)).ToArray();
        var encoded = Encode(data);
        Assert.True(encoded.Length <= Cobs.MaxEncodedLength(length));
        Assert.DoesNotContain((byte)0, encoded);
        var decoded = new byte[length + 1];
        Assert.True(Cobs.TryDecode(encoded, decoded, out int written));
        Assert.Equal(data, decoded[..written]);
    }

    [Theory]
    [InlineData("0511")]          // block runs past the end
    [InlineData("021100")]        // zero inside
    [InlineData("00")]            // zero code
    public void Rejects_invalid_input(string hex)
    {
        Assert.False(Cobs.TryDecode(Convert.FromHexString(hex), new byte[16], out _));
    }

    [Fact]
    public void Rejects_output_larger_than_the_destination()
    {
        Assert.False(Cobs.TryDecode(Convert.FromHexString("0511223344"), new byte[3], out _));
    }

    private static byte[] Encode(byte[] data)
    {
        var buffer = new byte[Cobs.MaxEncodedLength(data.Length)];
        return buffer[..Cobs.Encode(data, buffer)];
    }
}

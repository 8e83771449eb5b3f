using Edge.Detect.Detectors;

namespace Edge.Detect.Tests.Detectors;

public sealed class WireNameTests
{
    [Fact]
    public void A_name_written_out_is_its_labels_up_to_the_root()
    {
        byte[] message = [0xAA, 3, (byte)'w', (byte)'w', (byte)'w', 7, .. "example"u8, 3, .. "com"u8, 0, 0, 1];
        Assert.True(WireName.TryGet(message, 1, out var name));
        Assert.Equal(message[1..18], name.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 3, (byte)'w', (byte)'w', (byte)'w', 0xC0, 0 })]
    [InlineData(new byte[] { 0x41, 0 })]
    [InlineData(new byte[] { 3, (byte)'w', (byte)'w' })]
    public void Compressed_reserved_or_cut_names_are_left_to_the_reader(byte[] message) =>
        Assert.False(WireName.TryGet(message, 0, out _));

    [Fact]
    public void A_name_over_255_octets_is_refused()
    {
        var message = new List<byte>();
        for (var i = 0; i < 5; i++)
        {
            message.Add(63);
            message.AddRange(Enumerable.Repeat((byte)'a', 63));
        }
        message.Add(0);
        Assert.False(WireName.TryGet(message.ToArray(), 0, out _));
    }
}

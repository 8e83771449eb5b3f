using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Transport;

namespace Edge.Watch.Tests.Transport;

public class UdpDecoderTests
{
    [Fact]
    public void Ports_and_payload_cut_at_the_length_field()
    {
        var datagram = Frames.Udp(42295, 53, [1, 2, 3]).Concat(new byte[4]).ToArray();
        Assert.Equal(TransportError.None, UdpDecoder.TryDecode(datagram, out var source, out var destination, out var payload));
        Assert.Equal(42295, source);
        Assert.Equal(53, destination);
        Assert.Equal([1, 2, 3], payload.ToArray());
    }

    [Fact]
    public void Length_below_header_is_bad()
    {
        var datagram = Frames.Udp(1, 2, [1]);
        datagram[5] = 3;
        Assert.Equal(TransportError.BadLength, UdpDecoder.TryDecode(datagram, out _, out _, out _));
    }

    [Fact]
    public void Short_datagram_is_truncated()
    {
        Assert.Equal(TransportError.Truncated, UdpDecoder.TryDecode(new byte[7], out _, out _, out _));
    }
}

using Edge.Watch.Transport;

namespace Edge.Watch.Tests.Transport;

public class IcmpDecoderTests
{
    [Fact]
    public void Echo_request_type_code_and_identifier()
    {
        byte[] message = [8, 0, 0xab, 0xcd, 0x12, 0x34, 0, 1, 9, 9];
        Assert.Equal(TransportError.None, IcmpDecoder.TryDecode(message, out var type, out var code, out var id, out var payload));
        Assert.Equal(8, type);
        Assert.Equal(0, code);
        Assert.Equal(0x1234, id);
        Assert.Equal([9, 9], payload.ToArray());
    }

    [Fact]
    public void Three_bytes_are_truncated()
    {
        Assert.Equal(TransportError.Truncated, IcmpDecoder.TryDecode([3, 1, 0], out _, out _, out _, out _));
    }
}

using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Transport;

namespace Edge.Watch.Tests.Transport;

public class TcpDecoderTests
{
    private static readonly byte[] s_synOptions = [2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7];

    [Fact]
    public void Header_fields_and_payload()
    {
        var segment = Frames.Tcp(51764, 443, TcpFlags.Psh | TcpFlags.Ack, 1000, 2000, [0x16, 3, 1]);
        Assert.Equal(TransportError.None, TcpDecoder.TryDecode(segment, out var header, out var payload));
        Assert.Equal(51764, header.SourcePort);
        Assert.Equal(443, header.DestinationPort);
        Assert.Equal(1000u, header.Sequence);
        Assert.Equal(2000u, header.Acknowledgment);
        Assert.Equal(TcpFlags.Psh | TcpFlags.Ack, header.Flags);
        Assert.Equal([0x16, 3, 1], payload.ToArray());
    }

    [Fact]
    public void Syn_options_are_read()
    {
        var segment = Frames.Tcp(1, 2, TcpFlags.Syn, 0, 0, [], s_synOptions);
        Assert.Equal(TransportError.None, TcpDecoder.TryDecode(segment, out var header, out _));
        Assert.Equal(1460, header.MaxSegmentSize);
        Assert.True(header.SackPermitted);
        Assert.True(header.HasTimestamps);
        Assert.Equal(7, header.WindowScale);
    }

    [Fact]
    public void Option_running_past_the_header_is_reported()
    {
        var segment = Frames.Tcp(1, 2, TcpFlags.Syn, 0, 0, [], [2, 40, 0, 0]);
        Assert.Equal(TransportError.BadOption, TcpDecoder.TryDecode(segment, out _, out _));
        var zeroLength = Frames.Tcp(1, 2, TcpFlags.Syn, 0, 0, [], [5, 0, 0, 0]);
        Assert.Equal(TransportError.BadOption, TcpDecoder.TryDecode(zeroLength, out _, out _));
    }

    [Fact]
    public void Data_offset_below_five_words_is_bad()
    {
        var segment = Frames.Tcp(1, 2, TcpFlags.Ack, 0, 0, []);
        segment[12] = 0x40;
        Assert.Equal(TransportError.BadHeaderLength, TcpDecoder.TryDecode(segment, out _, out _));
    }

    [Fact]
    public void Every_truncation_is_handled()
    {
        var segment = Frames.Tcp(1, 2, TcpFlags.Syn, 0, 0, [], s_synOptions);
        for (var length = 0; length < segment.Length; length++)
            Assert.Equal(TransportError.Truncated, TcpDecoder.TryDecode(segment.AsSpan(0, length), out _, out _));
    }
}

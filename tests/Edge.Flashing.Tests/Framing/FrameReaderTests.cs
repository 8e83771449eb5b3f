using System.Buffers.Binary;
using Edge.Flashing.Framing;

namespace Edge.Flashing.Tests.Framing;

public class FrameReaderTests
{
    private readonly byte[] _scratch = new byte[FrameLayout.MaxBodyLength];

    [Fact]
    public void Crc32C_matches_the_check_value()
    {
        // RFC 3720 §B.4 parameters; "123456789" is the catalogue's check input.
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
    }

    [Fact]
    public void Reads_a_frame_and_reports_what_it_consumed()
    {
        var wire = FrameSamples.Wire(FrameType.Ack, 42, [1, 2, 0, 4]);
        Assert.Equal(FrameStatus.Complete, FrameReader.TryReadFrame(wire, _scratch, out var frame, out int consumed, out var error));
        Assert.Equal(FrameType.Ack, frame.Type);
        Assert.Equal(42u, frame.Sequence);
        Assert.Equal(new byte[] { 1, 2, 0, 4 }, frame.Payload.ToArray());
        Assert.Equal(wire.Length, consumed);
        Assert.Equal(FrameError.None, error);
    }

    [Fact]
    public void Every_prefix_of_a_frame_needs_more()
    {
        var wire = FrameSamples.Wire(FrameType.Data, 1, new byte[300]);
        for (int cut = 0; cut < wire.Length; cut++)
        {
            Assert.Equal(FrameStatus.NeedMore, FrameReader.TryReadFrame(wire.AsSpan(0, cut), _scratch, out _, out int consumed, out _));
            Assert.Equal(cut == 0 ? 0 : 1, consumed);
        }
    }

    [Fact]
    public void A_flipped_bit_is_a_bad_crc_not_a_frame()
    {
        var wire = FrameSamples.Wire(FrameType.Data, 1, [9, 9, 9, 9, 9, 9, 9, 9, 1, 2, 3]);
        wire[10] ^= 0x04;
        Assert.Equal(FrameStatus.Malformed, FrameReader.TryReadFrame(wire, _scratch, out _, out int consumed, out var error));
        Assert.Equal(FrameError.BadCrc, error);
        Assert.Equal(wire.Length, consumed);
    }

    [Fact]
    public void Garbage_then_a_frame_resynchronises_on_the_delimiter()
    {
        var frame = FrameSamples.Wire(FrameType.Ack, 5, [1, 2, 3, 4, 5, 6, 7, 8]);
        byte[] wire = [0x13, 0x37, 0xFF, .. frame];
        Assert.Equal(FrameStatus.Malformed, FrameReader.TryReadFrame(wire, _scratch, out _, out int first, out _));
        Assert.Equal(FrameStatus.Complete, FrameReader.TryReadFrame(wire.AsSpan(first), _scratch, out var parsed, out int second, out _));
        Assert.Equal(5u, parsed.Sequence);
        Assert.Equal(wire.Length, first + second);
    }

    [Fact]
    public void Too_many_bytes_without_a_delimiter_are_dropped()
    {
        var wire = Enumerable.Repeat((byte)0x55, FrameLayout.MaxEncodedLength + 1).ToArray();
        Assert.Equal(FrameStatus.Malformed, FrameReader.TryReadFrame(wire, _scratch, out _, out int consumed, out var error));
        Assert.Equal(FrameError.TooLong, error);
        Assert.Equal(wire.Length, consumed);
    }

    [Fact]
    public void Unknown_type_with_a_good_crc_is_reported_as_such()
    {
        Assert.Equal(FrameError.UnknownType, ParseBody(Body(type: 0x7F, declared: 0, payload: 0)));
    }

    [Theory]
    [InlineData(5, 4)]      // length field says more than present
    [InlineData(3, 4)]      // says less
    [InlineData(5000, 5000)] // more than the protocol allows
    public void Length_field_must_match_the_body(int declared, int payload)
    {
        Assert.Equal(FrameError.BadLength, ParseBody(Body(type: (byte)FrameType.Data, declared, payload)));
    }

    [Fact]
    public void A_body_shorter_than_header_and_crc_is_truncated()
    {
        Assert.Equal(FrameError.Truncated, ParseBody(new byte[FrameLayout.Overhead - 1]));
    }

    private static FrameError ParseBody(byte[] body)
    {
        Assert.Equal(FrameStatus.Malformed, FrameReader.TryParseBody(body, out _, out var error));
        return error;
    }

    private static byte[] Body(byte type, int declared, int payload)
    {
        var body = new byte[FrameLayout.Overhead + payload];
        body[0] = type;
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(5), (ushort)declared);
        int crcAt = body.Length - FrameLayout.CrcLength;
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(crcAt), Crc32C.Compute(body.AsSpan(0, crcAt)));
        return body;
    }
}

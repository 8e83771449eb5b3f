using System.Buffers.Binary;
using Edge.Watch.Decoding;

namespace Edge.Watch.Dns;

/// <summary>DNS over TCP: each message is preceded by its 2-byte big-endian length
/// (RFC 1035 §4.2.2, RFC 7766 §8).</summary>
public static class DnsTcpFraming
{
    private const int PrefixLength = 2;

    /// <summary>NeedMore while the stream holds less than a whole frame; Malformed for a zero length.</summary>
    public static ParseStatus TryReadFrame(ReadOnlySpan<byte> stream, out ReadOnlySpan<byte> message, out int consumed) =>
        TryReadFrame(stream, out message, out consumed, out _);

    public static ParseStatus TryReadFrame(ReadOnlySpan<byte> stream, out ReadOnlySpan<byte> message, out int consumed, out DnsError error)
    {
        message = default;
        consumed = 0;
        error = DnsError.None;
        if (!TryPeekLength(stream, out var length))
            return ParseStatus.NeedMore;
        if (length == 0)
        {
            error = DnsError.ZeroLengthTcpFrame;
            return ParseStatus.Malformed;
        }
        if (stream.Length - PrefixLength < length)
            return ParseStatus.NeedMore;
        message = stream.Slice(PrefixLength, length);
        consumed = PrefixLength + length;
        return ParseStatus.Done;
    }

    /// <summary>The declared length of the frame at the start of the stream, for callers that buffer.</summary>
    public static bool TryPeekLength(ReadOnlySpan<byte> stream, out int messageLength)
    {
        if (stream.Length < PrefixLength)
        {
            messageLength = 0;
            return false;
        }
        messageLength = BinaryPrimitives.ReadUInt16BigEndian(stream);
        return true;
    }
}

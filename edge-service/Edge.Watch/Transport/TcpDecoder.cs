using System.Buffers.Binary;

namespace Edge.Watch.Transport;

public static class TcpDecoder
{
    private const int MinHeaderLength = 20;

    /// <summary>RFC 9293 §3.1 header and §3.2 options.</summary>
    public static TransportError TryDecode(ReadOnlySpan<byte> segment, out TcpHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (segment.Length < MinHeaderLength)
            return TransportError.Truncated;
        var headerLength = (segment[12] >> 4) * 4;
        if (headerLength < MinHeaderLength)
            return TransportError.BadHeaderLength;
        if (segment.Length < headerLength)
            return TransportError.Truncated;
        header = new TcpHeader
        {
            SourcePort = BinaryPrimitives.ReadUInt16BigEndian(segment),
            DestinationPort = BinaryPrimitives.ReadUInt16BigEndian(segment[2..]),
            Sequence = BinaryPrimitives.ReadUInt32BigEndian(segment[4..]),
            Acknowledgment = BinaryPrimitives.ReadUInt32BigEndian(segment[8..]),
            Flags = (TcpFlags)segment[13],
            Window = BinaryPrimitives.ReadUInt16BigEndian(segment[14..]),
            HeaderLength = headerLength,
            WindowScale = -1,
        };
        var options = ReadOptions(segment[MinHeaderLength..headerLength], ref header);
        payload = segment[headerLength..];
        return options;
    }

    // Options are at most 40 bytes, so the walk is bounded by their length.
    private static TransportError ReadOptions(ReadOnlySpan<byte> options, ref TcpHeader header)
    {
        var i = 0;
        while (i < options.Length)
        {
            var kind = options[i];
            if (kind == 0)
                break;
            if (kind == 1)
            {
                i++;
                continue;
            }
            if (i + 1 >= options.Length)
                return TransportError.BadOption;
            var length = options[i + 1];
            if (length < 2 || i + length > options.Length)
                return TransportError.BadOption;
            var body = options.Slice(i + 2, length - 2);
            switch (kind)
            {
                case 2 when body.Length == 2:
                    header.MaxSegmentSize = BinaryPrimitives.ReadUInt16BigEndian(body);
                    break;
                case 3 when body.Length == 1:
                    header.WindowScale = (sbyte)Math.Min(body[0], (byte)14);
                    break;
                case 4:
                    header.SackPermitted = true;
                    break;
                case 8:
                    header.HasTimestamps = true;
                    break;
            }
            i += length;
        }
        return TransportError.None;
    }
}

using System.Buffers.Binary;
using Edge.Watch.Decoding;

namespace Edge.Watch.Tls;

/// <summary>TLSPlaintext header of a handshake record (RFC 8446 §5.1): type, legacy_record_version, length.</summary>
internal static class TlsRecordHeader
{
    public const int Length = 5;
    public const byte HandshakeType = 0x16;

    // RFC 8446 §5.1: "The length MUST NOT exceed 2^14 bytes."
    public const int MaxFragmentLength = 16384;

    public static ParseStatus TryRead(ReadOnlySpan<byte> source, out ushort version, out int fragmentLength, out TlsError error)
    {
        version = 0;
        fragmentLength = 0;
        error = TlsError.None;
        if (source.IsEmpty)
            return ParseStatus.NeedMore;
        if (source[0] != HandshakeType || (source.Length > 1 && source[1] != 0x03) || (source.Length > 2 && source[2] > 0x04))
        {
            error = TlsError.NotHandshake;
            return ParseStatus.NotThisProtocol;
        }
        if (source.Length < Length)
            return ParseStatus.NeedMore;
        version = BinaryPrimitives.ReadUInt16BigEndian(source[1..]);
        fragmentLength = BinaryPrimitives.ReadUInt16BigEndian(source[3..]);
        if (fragmentLength > MaxFragmentLength)
        {
            error = TlsError.RecordTooLong;
            return ParseStatus.Malformed;
        }
        return ParseStatus.Done;
    }
}

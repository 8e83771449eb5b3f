using Edge.Watch.Decoding;

namespace Edge.Watch.Tls;

/// <summary>Finds the first handshake message (header included) in a stream of TLS records:
/// in place when one record holds it, else stitched from consecutive records into scratch.</summary>
internal static class HandshakeAssembler
{
    public const int HeaderLength = 4;
    private const byte ClientHelloType = 1;

    public static ParseStatus TryAssemble(ReadOnlySpan<byte> stream, Span<byte> scratch, out ushort recordVersion, out ReadOnlySpan<byte> message, out TlsError error)
    {
        message = default;
        var status = TlsRecordHeader.TryRead(stream, out recordVersion, out var fragmentLength, out error);
        if (status != ParseStatus.Done)
            return status;
        var fragment = stream[TlsRecordHeader.Length..];
        if (fragment.Length > fragmentLength)
            fragment = fragment[..fragmentLength];
        if (fragment.Length >= HeaderLength && fragmentLength >= HeaderLength)
        {
            status = TryReadHeader(fragment, out var total, out error);
            if (status != ParseStatus.Done)
                return status;
            if (total <= fragmentLength)
            {
                if (fragment.Length < total)
                    return ParseStatus.NeedMore;
                message = fragment[..total];
                return ParseStatus.Done;
            }
        }
        else if (!fragment.IsEmpty && fragment[0] != ClientHelloType)
        {
            error = TlsError.NotClientHello;
            return ParseStatus.Malformed;
        }
        return Stitch(stream, scratch, out message, out error);
    }

    // RFC 8446 §5.1: a handshake message may be fragmented across several records, and records
    // of other content types MUST NOT be interleaved with those fragments.
    private static ParseStatus Stitch(ReadOnlySpan<byte> stream, Span<byte> scratch, out ReadOnlySpan<byte> message, out TlsError error)
    {
        message = default;
        var have = 0;
        var need = HeaderLength;
        var headerKnown = false;
        var offset = 0;
        while (true)
        {
            var status = TlsRecordHeader.TryRead(stream[offset..], out _, out var fragmentLength, out error);
            if (status == ParseStatus.NotThisProtocol)
                return ParseStatus.Malformed;
            if (status != ParseStatus.Done)
                return status;
            var fragment = stream[(offset + TlsRecordHeader.Length)..];
            var complete = fragment.Length >= fragmentLength;
            if (complete)
                fragment = fragment[..fragmentLength];
            while (!fragment.IsEmpty && have < need)
            {
                var n = Math.Min(fragment.Length, need - have);
                fragment[..n].CopyTo(scratch[have..]);
                have += n;
                fragment = fragment[n..];
                if (!headerKnown && have == HeaderLength)
                {
                    status = TryReadHeader(scratch, out need, out error);
                    if (status != ParseStatus.Done)
                        return status;
                    headerKnown = true;
                }
            }
            if (headerKnown && have == need)
            {
                message = scratch[..need];
                return ParseStatus.Done;
            }
            if (!complete)
                return ParseStatus.NeedMore;
            offset += TlsRecordHeader.Length + fragmentLength;
        }
    }

    private static ParseStatus TryReadHeader(ReadOnlySpan<byte> header, out int total, out TlsError error)
    {
        total = 0;
        error = TlsError.None;
        if (header[0] != ClientHelloType)
        {
            error = TlsError.NotClientHello;
            return ParseStatus.Malformed;
        }
        var length = (header[1] << 16) | (header[2] << 8) | header[3];
        if (length > ClientHelloReader.MaxHandshakeLength - HeaderLength)
        {
            error = TlsError.HandshakeTooLong;
            return ParseStatus.Malformed;
        }
        total = HeaderLength + length;
        return ParseStatus.Done;
    }
}

namespace Edge.Detect.Detectors;

/// <summary>A DNS question name in wire form, as a key: its labels as sent, up to the root label.</summary>
internal static class WireName
{
    /// <summary>RFC 1035 §2.3.4: a name is at most 255 octets in wire form.</summary>
    private const int MaxLength = 255;

    /// <summary>The name at <paramref name="offset"/> when it is written out in full (no compression
    /// pointer, RFC 1035 §4.1.4) and fits in 255 octets; its bytes then decide its presentation
    /// form alone. False for anything else; the caller reads such a name the long way.</summary>
    public static bool TryGet(ReadOnlySpan<byte> message, int offset, out ReadOnlySpan<byte> name)
    {
        name = default;
        var position = offset;
        while ((uint)position < (uint)message.Length)
        {
            var length = message[position];
            if (length == 0)
            {
                if (position + 1 - offset > MaxLength)
                    return false;
                name = message[offset..(position + 1)];
                return true;
            }
            // 0xC0 is a pointer; 0x40 and 0x80 are reserved (RFC 6891 §5).
            if ((length & 0xC0) != 0)
                return false;
            position += 1 + length;
            if (position - offset > MaxLength)
                return false;
        }
        return false;
    }
}

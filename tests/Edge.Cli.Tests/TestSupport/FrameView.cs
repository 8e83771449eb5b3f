namespace Edge.Cli.Tests.TestSupport;

/// <summary>Just enough Ethernet/802.1Q/IP parsing to reach the transport bytes of a frame in tests.</summary>
public sealed record FrameView(int? Vlan, int IpVersion, byte[] IpHeader, byte[] Source, byte[] Destination, int Protocol,
    byte[] Transport, bool IsFragment)
{
    public static FrameView Parse(byte[] frame)
    {
        var offset = 12;
        int? vlan = null;
        var etherType = (frame[offset] << 8) | frame[offset + 1];
        if (etherType == 0x8100)
        {
            vlan = ((frame[offset + 2] << 8) | frame[offset + 3]) & 0x0FFF;
            offset += 4;
            etherType = (frame[offset] << 8) | frame[offset + 1];
        }
        offset += 2;
        if (etherType == 0x0800)
        {
            var headerLength = (frame[offset] & 0x0F) * 4;
            var total = (frame[offset + 2] << 8) | frame[offset + 3];
            var flags = (frame[offset + 6] << 8) | frame[offset + 7];
            return new FrameView(vlan, 4, frame[offset..(offset + headerLength)], frame[(offset + 12)..(offset + 16)],
                frame[(offset + 16)..(offset + 20)], frame[offset + 9], frame[(offset + headerLength)..(offset + total)],
                (flags & 0x3FFF) != 0);
        }
        if (etherType == 0x86DD)
        {
            var payload = (frame[offset + 4] << 8) | frame[offset + 5];
            return new FrameView(vlan, 6, frame[offset..(offset + 40)], frame[(offset + 8)..(offset + 24)],
                frame[(offset + 24)..(offset + 40)], frame[offset + 6], frame[(offset + 40)..(offset + 40 + payload)], false);
        }
        throw new InvalidDataException($"unexpected EtherType 0x{etherType:x4}");
    }

    /// <summary>The pseudo-header of RFC 793 / RFC 8200 §8.1 for this packet's transport bytes.</summary>
    public byte[] PseudoHeader()
    {
        var length = Transport.Length;
        return IpVersion == 4
            ? [.. Source, .. Destination, 0, (byte)Protocol, (byte)(length >> 8), (byte)length]
            : [.. Source, .. Destination, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, 0, 0, 0, (byte)Protocol];
    }
}

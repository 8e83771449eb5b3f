using Edge.Watch.Net;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Watch.Tests.Net;

public class Ipv4DecoderTests
{
    [Fact]
    public void Addresses_protocol_and_payload()
    {
        var packet = Frames.Ipv4("10.77.0.10", "192.0.2.53", IpProtocols.Udp, [1, 2, 3]);
        Assert.Equal(IpError.None, Ipv4Decoder.TryDecode(packet, out var header, out var payload));
        Assert.Equal("10.77.0.10", header.Source.ToString());
        Assert.Equal("192.0.2.53", header.Destination.ToString());
        Assert.Equal(IpProtocols.Udp, header.Protocol);
        Assert.Equal(64, header.Ttl);
        Assert.False(header.IsFragment);
        Assert.Equal([1, 2, 3], payload.ToArray());
    }

    [Fact]
    public void Ethernet_padding_beyond_total_length_is_trimmed()
    {
        var packet = Frames.Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp, [9]);
        var padded = packet.Concat(new byte[6]).ToArray();
        Assert.Equal(IpError.None, Ipv4Decoder.TryDecode(padded, out _, out var payload));
        Assert.Equal(1, payload.Length);
    }

    [Fact]
    public void Options_are_skipped_and_flagged()
    {
        var packet = Frames.Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, [7, 7], optionBytes: 8);
        Assert.Equal(IpError.None, Ipv4Decoder.TryDecode(packet, out var header, out var payload));
        Assert.True(header.HasOptions);
        Assert.Equal(28, header.HeaderLength);
        Assert.Equal([7, 7], payload.ToArray());
    }

    [Theory]
    [InlineData(0x2000, true, 0)]
    [InlineData(0x0003, false, 24)]
    [InlineData(0x2010, true, 128)]
    public void Fragments_are_flagged(ushort flagsAndOffset, bool more, int offset)
    {
        var packet = Frames.Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, new byte[16], flagsAndOffset);
        Assert.Equal(IpError.None, Ipv4Decoder.TryDecode(packet, out var header, out _));
        Assert.True(header.IsFragment);
        Assert.Equal(more, header.MoreFragments);
        Assert.Equal(offset, header.FragmentOffset);
    }

    [Fact]
    public void Dont_fragment_alone_is_not_a_fragment()
    {
        var packet = Frames.Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, new byte[16], 0x4000);
        Assert.Equal(IpError.None, Ipv4Decoder.TryDecode(packet, out var header, out _));
        Assert.False(header.IsFragment);
    }

    [Fact]
    public void Snap_length_cut_is_decoded_as_far_as_captured()
    {
        var packet = Frames.Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, new byte[100]);
        Assert.Equal(IpError.None, Ipv4Decoder.TryDecode(packet.AsSpan(0, 60), out var header, out var payload));
        Assert.True(header.CaptureTruncated);
        Assert.Equal(40, payload.Length);
    }

    [Fact]
    public void Bad_header_fields_are_reported()
    {
        var packet = Frames.Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, new byte[8]);
        var badVersion = (byte[])packet.Clone();
        badVersion[0] = 0x55;
        Assert.Equal(IpError.BadVersion, Ipv4Decoder.TryDecode(badVersion, out _, out _));
        var badIhl = (byte[])packet.Clone();
        badIhl[0] = 0x44;
        Assert.Equal(IpError.BadHeaderLength, Ipv4Decoder.TryDecode(badIhl, out _, out _));
        var longIhl = (byte[])packet.Clone();
        longIhl[0] = 0x4f;
        Assert.Equal(IpError.Truncated, Ipv4Decoder.TryDecode(longIhl, out _, out _));
        var badTotal = (byte[])packet.Clone();
        badTotal[2] = 0;
        badTotal[3] = 10;
        Assert.Equal(IpError.BadTotalLength, Ipv4Decoder.TryDecode(badTotal, out _, out _));
    }

    [Fact]
    public void Every_truncation_is_handled()
    {
        var packet = Frames.Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, new byte[8]);
        for (var length = 0; length < 20; length++)
            Assert.Equal(IpError.Truncated, Ipv4Decoder.TryDecode(packet.AsSpan(0, length), out _, out _));
    }
}

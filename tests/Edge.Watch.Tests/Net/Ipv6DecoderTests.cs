using Edge.Watch.Net;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Watch.Tests.Net;

public class Ipv6DecoderTests
{
    [Fact]
    public void Plain_header()
    {
        var packet = Frames.Ipv6("2001:db8:77::10", "2001:db8:53::53", IpProtocols.Udp, [1, 2]);
        Assert.Equal(IpError.None, Ipv6Decoder.TryDecode(packet, out var header, out var payload));
        Assert.Equal(6, header.Version);
        Assert.Equal("2001:db8:77::10", header.Source.ToString());
        Assert.Equal("2001:db8:53::53", header.Destination.ToString());
        Assert.Equal(IpProtocols.Udp, header.Protocol);
        Assert.Equal([1, 2], payload.ToArray());
    }

    [Fact]
    public void Extension_chain_is_walked_to_the_upper_layer()
    {
        var packet = Frames.Ipv6("2001:db8::1", "2001:db8::2", IpProtocols.Tcp, [5, 5, 5],
            (IpProtocols.HopByHop, 8), (IpProtocols.DestinationOptions, 16), (IpProtocols.Routing, 24), (IpProtocols.AuthenticationHeader, 12));
        Assert.Equal(IpError.None, Ipv6Decoder.TryDecode(packet, out var header, out var payload));
        Assert.Equal(IpProtocols.Tcp, header.Protocol);
        Assert.Equal(40 + 8 + 16 + 24 + 12, header.HeaderLength);
        Assert.True(header.HasOptions);
        Assert.Equal([5, 5, 5], payload.ToArray());
    }

    [Fact]
    public void Fragment_header_sets_fragment_fields()
    {
        var packet = Frames.Ipv6("2001:db8::1", "2001:db8::2", IpProtocols.Udp, new byte[8], (IpProtocols.Fragment, 8));
        packet[40 + 2] = 0x00;
        packet[40 + 3] = 0x11; // offset 16 bytes, more fragments
        Assert.Equal(IpError.None, Ipv6Decoder.TryDecode(packet, out var header, out _));
        Assert.True(header.IsFragment);
        Assert.True(header.MoreFragments);
        Assert.Equal(16, header.FragmentOffset);
    }

    [Fact]
    public void Endless_extension_chain_is_cut_off()
    {
        var chain = Enumerable.Repeat((IpProtocols.DestinationOptions, 8), Ipv6Decoder.MaxExtensionHeaders + 1).ToArray();
        var packet = Frames.Ipv6("2001:db8::1", "2001:db8::2", IpProtocols.Udp, new byte[8], chain);
        Assert.Equal(IpError.TooManyExtensionHeaders, Ipv6Decoder.TryDecode(packet, out _, out _));
    }

    [Fact]
    public void Extension_length_past_the_packet()
    {
        var packet = Frames.Ipv6("2001:db8::1", "2001:db8::2", IpProtocols.Udp, new byte[8], (IpProtocols.HopByHop, 8));
        packet[41] = 200;
        Assert.Equal(IpError.TruncatedExtensionHeader, Ipv6Decoder.TryDecode(packet, out _, out _));
    }

    [Fact]
    public void Every_truncation_is_handled()
    {
        var packet = Frames.Ipv6("2001:db8::1", "2001:db8::2", IpProtocols.Udp, new byte[8], (IpProtocols.HopByHop, 8));
        for (var length = 0; length < packet.Length; length++)
        {
            var error = Ipv6Decoder.TryDecode(packet.AsSpan(0, length), out _, out _);
            Assert.True(length < 48 ? error != IpError.None : error == IpError.None, $"length {length}: {error}");
        }
    }
}

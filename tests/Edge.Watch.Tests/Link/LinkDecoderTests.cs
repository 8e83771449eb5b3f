using Edge.Watch.Link;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Watch.Tests.Link;

public class LinkDecoderTests
{
    [Fact]
    public void Ethernet_gives_ethertype_and_offset()
    {
        var frame = Frames.Ethernet(EtherTypes.IPv4, new byte[20]);
        Assert.Equal(LinkError.None, LinkDecoder.TryDecode(LinkType.Ethernet, frame, out var header));
        Assert.Equal(EtherTypes.IPv4, header.EtherType);
        Assert.Equal(14, header.NetworkOffset);
        Assert.Equal(0, header.VlanDepth);
    }

    [Fact]
    public void Single_802_1Q_tag_is_skipped_and_its_id_kept()
    {
        var frame = Frames.Ethernet(EtherTypes.IPv6, new byte[40], 0x2064);
        Assert.Equal(LinkError.None, LinkDecoder.TryDecode(LinkType.Ethernet, frame, out var header));
        Assert.Equal(EtherTypes.IPv6, header.EtherType);
        Assert.Equal(18, header.NetworkOffset);
        Assert.Equal(0x064, header.VlanId);
        Assert.Equal(1, header.VlanDepth);
    }

    [Fact]
    public void QinQ_reports_the_outer_vlan()
    {
        var frame = Frames.Ethernet(EtherTypes.IPv4, new byte[20], 100, 200);
        Assert.Equal(LinkError.None, LinkDecoder.TryDecode(LinkType.Ethernet, frame, out var header));
        Assert.Equal(22, header.NetworkOffset);
        Assert.Equal(100, header.VlanId);
        Assert.Equal(2, header.VlanDepth);
    }

    [Fact]
    public void Too_many_vlan_tags_are_refused()
    {
        var frame = Frames.Ethernet(EtherTypes.IPv4, new byte[20], 1, 2, 3, 4, 5);
        Assert.Equal(LinkError.TooManyVlanTags, LinkDecoder.TryDecode(LinkType.Ethernet, frame, out _));
    }

    [Fact]
    public void Linux_cooked_v1_protocol_field_is_read()
    {
        var frame = new byte[16 + 20];
        frame[14] = 0x86;
        frame[15] = 0xDD;
        Assert.Equal(LinkError.None, LinkDecoder.TryDecode(LinkType.LinuxSll, frame, out var header));
        Assert.Equal(EtherTypes.IPv6, header.EtherType);
        Assert.Equal(16, header.NetworkOffset);
    }

    [Fact]
    public void Linux_cooked_v2_protocol_field_is_first()
    {
        var frame = new byte[20 + 20];
        frame[0] = 0x08;
        Assert.Equal(LinkError.None, LinkDecoder.TryDecode(LinkType.LinuxSll2, frame, out var header));
        Assert.Equal(EtherTypes.IPv4, header.EtherType);
        Assert.Equal(20, header.NetworkOffset);
    }

    [Theory]
    [InlineData(0x45, EtherTypes.IPv4)]
    [InlineData(0x60, EtherTypes.IPv6)]
    [InlineData(0x10, 0)]
    public void Raw_ip_takes_the_family_from_the_version_nibble(byte first, ushort expected)
    {
        Assert.Equal(LinkError.None, LinkDecoder.TryDecode(LinkType.Raw, [first, 0, 0, 0], out var header));
        Assert.Equal(expected, header.EtherType);
        Assert.Equal(0, header.NetworkOffset);
    }

    [Fact]
    public void Bsd_loopback_family_in_either_byte_order()
    {
        Assert.Equal(LinkError.None, LinkDecoder.TryDecode(LinkType.Null, [2, 0, 0, 0, 0x45], out var little));
        Assert.Equal(EtherTypes.IPv4, little.EtherType);
        Assert.Equal(LinkError.None, LinkDecoder.TryDecode(LinkType.Null, [0, 0, 0, 30, 0x60], out var big));
        Assert.Equal(EtherTypes.IPv6, big.EtherType);
    }

    [Theory]
    [InlineData(LinkType.Ethernet, 13)]
    [InlineData(LinkType.LinuxSll, 15)]
    [InlineData(LinkType.LinuxSll2, 19)]
    [InlineData(LinkType.Null, 3)]
    [InlineData(LinkType.Raw, 0)]
    public void Short_frames_are_truncated_not_thrown(LinkType type, int length)
    {
        Assert.Equal(LinkError.Truncated, LinkDecoder.TryDecode(type, new byte[length], out _));
    }

    [Fact]
    public void Truncated_vlan_tag()
    {
        var frame = Frames.Ethernet(EtherTypes.IPv4, [], 7);
        Assert.Equal(LinkError.Truncated, LinkDecoder.TryDecode(LinkType.Ethernet, frame.AsSpan(0, 16), out _));
    }

    [Fact]
    public void Unknown_link_type()
    {
        Assert.Equal(LinkError.UnsupportedLinkType, LinkDecoder.TryDecode((LinkType)147, new byte[64], out _));
    }

    [Theory]
    [InlineData(12, LinkType.Raw)]
    [InlineData(14, LinkType.Raw)]
    [InlineData(1, LinkType.Ethernet)]
    [InlineData(276, LinkType.LinuxSll2)]
    public void Dlt_values_map_to_link_types(int dlt, LinkType expected)
    {
        Assert.Equal(expected, LinkTypes.FromDataLink(dlt));
    }
}

using System.Net;
using Edge.Cli.Synth.Packets;
using Edge.Cli.Tests.TestSupport;
using Edge.Watch.Transport;

namespace Edge.Cli.Tests.Synth.Packets;

public sealed class ChecksumTests
{
    [Fact]
    public void Rfc1071_example_sums_as_the_rfc_says()
    {
        // RFC 1071 §3 worked example: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2.
        byte[] data = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7];
        Assert.Equal(0xFFFF - 0xddf2, InternetChecksum.Compute(data));
    }

    [Fact]
    public void Ipv4_header_verifies_to_all_ones()
    {
        var packet = Ipv4Packet.Build(IPAddress.Parse("10.77.0.10"), IPAddress.Parse("192.0.2.53"), IpProtocol.Udp, 0x1c46, 64, new byte[33]);
        Assert.Equal(0xFFFF, OnesComplement.Sum(packet[..20]));
    }

    [Theory]
    [InlineData("10.77.0.10", "192.0.2.53")]
    [InlineData("2001:db8:77::10", "2001:db8:53::53")]
    public void Udp_and_tcp_checksums_cover_the_pseudo_header(string source, string destination)
    {
        var src = IPAddress.Parse(source);
        var dst = IPAddress.Parse(destination);
        var udp = UdpDatagram.Build(src, dst, 40000, 53, "odd-length payload!"u8);
        var tcp = TcpSegment.Build(src, dst, 40000, 443, 12345, 67890, TcpFlags.Ack | TcpFlags.Psh, 502, [], "hello, tcp"u8);
        var v6 = src.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        Assert.Equal(0xFFFF, OnesComplement.Sum(Pseudo(src, dst, 17, udp.Length, v6), udp));
        Assert.Equal(0xFFFF, OnesComplement.Sum(Pseudo(src, dst, 6, tcp.Length, v6), tcp));
    }

    [Fact]
    public void Every_frame_of_a_generated_capture_has_correct_checksums()
    {
        var checkedTransport = 0;
        foreach (var frame in Pcaps.Frames(Pcaps.Generate(seed: 7)))
        {
            var view = FrameView.Parse(frame.Data);
            if (view.IpVersion == 4)
                Assert.Equal(0xFFFF, OnesComplement.Sum(view.IpHeader));
            if (view.IsFragment)
                continue;
            var sum = view.Protocol == IpProtocol.Icmp
                ? OnesComplement.Sum(view.Transport)
                : OnesComplement.Sum(view.PseudoHeader(), view.Transport);
            Assert.Equal(0xFFFF, sum);
            checkedTransport++;
        }
        Assert.True(checkedTransport > 300, $"only {checkedTransport} frames checked");
    }

    [Fact]
    public void Fragmented_datagram_reassembles_to_a_valid_udp_checksum()
    {
        var fragments = Pcaps.Frames(Pcaps.Generate()).Select(f => FrameView.Parse(f.Data)).Where(v => v.IsFragment).ToList();
        Assert.Equal(2, fragments.Count);
        Assert.Equal(0x2000, ((fragments[0].IpHeader[6] << 8) | fragments[0].IpHeader[7]) & 0x3FFF);
        var secondOffset = (((fragments[1].IpHeader[6] << 8) | fragments[1].IpHeader[7]) & 0x1FFF) * 8;
        Assert.Equal(fragments[0].Transport.Length, secondOffset);
        byte[] datagram = [.. fragments[0].Transport, .. fragments[1].Transport];
        var whole = fragments[0] with { Transport = datagram };
        Assert.Equal(0xFFFF, OnesComplement.Sum(whole.PseudoHeader(), datagram));
    }

    private static byte[] Pseudo(IPAddress src, IPAddress dst, byte protocol, int length, bool v6) => v6
        ? [.. src.GetAddressBytes(), .. dst.GetAddressBytes(), 0, 0, (byte)(length >> 8), (byte)length, 0, 0, 0, protocol]
        : [.. src.GetAddressBytes(), .. dst.GetAddressBytes(), 0, protocol, (byte)(length >> 8), (byte)length];
}

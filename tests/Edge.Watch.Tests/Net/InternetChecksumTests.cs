using Edge.Watch.Net;

namespace Edge.Watch.Tests.Net;

public class InternetChecksumTests
{
    [Fact]
    public void Rfc_1071_example_sums_to_ddf2()
    {
        byte[] data = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7];
        Assert.Equal(0xddf2, InternetChecksum.Fold(InternetChecksum.Add(0, data)));
    }

    [Fact]
    public void Odd_length_pads_with_a_zero_byte()
    {
        Assert.Equal(0x0102 + 0x0300, InternetChecksum.Fold(InternetChecksum.Add(0, [1, 2, 3])));
    }

    [Fact]
    public void Ipv4_udp_without_a_checksum_is_valid()
    {
        var header = new IpHeader { Version = 4, Protocol = IpProtocols.Udp, Source = IpAddr.Parse("10.0.0.1"), Destination = IpAddr.Parse("10.0.0.2") };
        Assert.True(InternetChecksum.IsValidTransport(header, [0, 53, 0, 53, 0, 9, 0, 0, 7]));
        Assert.False(InternetChecksum.IsValidTransport(header, [0, 53, 0, 53, 0, 9, 0, 1, 7]));
    }
}

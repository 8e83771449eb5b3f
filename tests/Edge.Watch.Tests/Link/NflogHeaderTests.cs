using Edge.Watch.Link;

namespace Edge.Watch.Tests.Link;

/// <summary>Frames captured with <c>tcpdump -i nflog:7 -w</c> in a namespace of the test author's
/// (nft rules <c>ip daddr 10.218.1.9 log group 7 prefix "edge"</c> and <c>ip6 daddr fd00:218::9
/// log group 7</c> on output; dig to both), stored as hex.</summary>
public sealed class NflogHeaderTests
{
    /// <summary>UDP 10.218.1.1:38396 → 10.218.1.9:53, prefix "edge".</summary>
    internal const string UdpV4 = "02000007080001000800030009000a006564676500000000080005000000000108000b000000000008000e0000000000520009004500004e0e690000401154790ada01010ada010995fc0035003a18093368012000010000000000010161076578616d706c65000001000100002904d000000000000c000a0008cde8562129da72280000";

    /// <summary>TCP SYN 10.218.1.1:36189 → 10.218.1.9:53.</summary>
    internal const string TcpV4 = "02000007080001000800030009000a006564676500000000080005000000000108000b000000000008000e0000000000400009004500003c823140004006a0cd0ada01010ada01098d5d003579c0ca3000000000a002fc9417ec0000020404c40402080a0e6c81eb000000000103030a";

    /// <summary>UDP [fd00:218::1]:44983 → [fd00:218::9]:53, no prefix.</summary>
    internal const string UdpV6 = "0a0000070800010086dd030005000a0000000000080005000000000108000b000000000008000e000000000066000900600672e1003a1140fd000218000000000000000000000001fd000218000000000000000000000009afb70035003afe86efc8012000010000000000010163076578616d706c65000001000100002904d000000000000c000a0008b2420581518055cb0000";

    [Fact]
    public void A_logged_ipv4_packet_gives_its_group_prefix_and_payload()
    {
        Assert.True(NflogHeader.TryRead(Convert.FromHexString(UdpV4), out var log));

        Assert.Equal(2, log.Family);
        Assert.Equal(7, log.Group);
        Assert.Equal("edge"u8.ToArray(), log.Prefix.ToArray());
        Assert.Equal(78, log.Payload.Length);
        Assert.Equal(0x45, log.Payload[0]);
        Assert.Equal(new byte[] { 10, 218, 1, 9 }, log.Payload[16..20].ToArray());
    }

    [Fact]
    public void A_logged_tcp_syn_and_an_ipv6_packet_decode_too()
    {
        Assert.True(NflogHeader.TryRead(Convert.FromHexString(TcpV4), out var tcp));
        Assert.Equal(60, tcp.Payload.Length);
        Assert.Equal(6, tcp.Payload[9]);

        Assert.True(NflogHeader.TryRead(Convert.FromHexString(UdpV6), out var v6));
        Assert.Equal(10, v6.Family);
        Assert.True(v6.Prefix.IsEmpty);
        Assert.Equal(98, v6.Payload.Length);
        Assert.Equal(0x60, v6.Payload[0] & 0xf0);
    }

    [Fact]
    public void Truncated_and_damaged_frames_are_refused_without_throwing()
    {
        var frame = Convert.FromHexString(UdpV4);
        // The payload TLV ends at 130; the last two bytes are its padding.
        for (var length = 0; length < 130; length++)
            Assert.False(NflogHeader.TryRead(frame.AsSpan(0, length), out _), $"length {length}");
        Assert.True(NflogHeader.TryRead(frame.AsSpan(0, 130), out _));
        var badVersion = (byte[])frame.Clone();
        badVersion[1] = 1;
        Assert.False(NflogHeader.TryRead(badVersion, out _));
        var badLength = (byte[])frame.Clone();
        badLength[4] = 0xff;
        Assert.False(NflogHeader.TryRead(badLength, out _));
        var random = new Random(9);
        for (var i = 0; i < 20_000; i++)
        {
            var mutated = (byte[])frame.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            NflogHeader.TryRead(mutated.AsSpan(0, random.Next(mutated.Length + 1)), out _);
        }
    }
}

using System.Net;
using Edge.Watch.Dns;
using Xunit;

namespace Edge.Watch.Tests.Dns;

/// <summary>AAAA text must equal System.Net.IPAddress's, which the codec cannot call without allocating.</summary>
public class AaaaTextTests
{
    private static string? Format(byte[] address)
    {
        var wire = new WireBuilder().Header(an: 1).Question("a", 28).Record(12, 28, 0, r => r.Bytes(address)).ToArray();
        Assert.Equal(Edge.Watch.Decoding.ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        foreach (var record in m.Records)
            return DnsTestText.Rdata(wire, record);
        return null;
    }

    [Theory]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("1::")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8:0:1:1:1:1:1")]
    [InlineData("2001:0:0:1::1")]
    [InlineData("2001:db8::1:0:0:1")]
    [InlineData("fe80::1:2:3:4")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("::192.0.2.1")]
    [InlineData("::ffff:0:192.0.2.1")]
    [InlineData("fe80::5efe:192.0.2.1")]
    [InlineData("::0.0.1.0")]
    [InlineData("::ffff:0:0")]
    [InlineData("64:ff9b::192.0.2.1")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    public void Matches_IPAddress(string text)
    {
        var address = IPAddress.Parse(text);
        Assert.Equal(address.ToString(), Format(address.GetAddressBytes()));
    }

    [Fact]
    public void Random_addresses_with_zero_runs_match_IPAddress()
    {
        var random = new Random(5952);
        var bytes = new byte[16];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(bytes);
            // Zero about half of the groups so that runs and ties occur often.
            for (var g = 0; g < 8; g++)
            {
                if (random.Next(2) == 0)
                    bytes[2 * g] = bytes[(2 * g) + 1] = 0;
            }
            if (random.Next(8) == 0)
                bytes[10] = bytes[11] = 0xFF;
            Assert.Equal(new IPAddress(bytes).ToString(), Format(bytes));
        }
    }

    [Fact]
    public void Too_small_destination_returns_false()
    {
        var wire = new WireBuilder().Header(an: 1).Question("a", 28).Record(12, 28, 0, r => r.Bytes(IPAddress.Parse("2001:db8::1").GetAddressBytes())).ToArray();
        Assert.Equal(Edge.Watch.Decoding.ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        Span<byte> buffer = stackalloc byte[11];
        foreach (var record in m.Records)
        {
            Assert.True(DnsRdata.TryFormat(wire, record, buffer, out var written));
            Assert.Equal(11, written);
            Assert.False(DnsRdata.TryFormat(wire, record, buffer[..10], out _));
        }
    }
}

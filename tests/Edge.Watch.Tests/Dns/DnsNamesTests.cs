using Edge.Watch.Dns;
using Xunit;

namespace Edge.Watch.Tests.Dns;

public class DnsNamesTests
{
    [Theory]
    [InlineData(1, "A")]
    [InlineData(2, "NS")]
    [InlineData(5, "CNAME")]
    [InlineData(6, "SOA")]
    [InlineData(10, "NULL")]
    [InlineData(12, "PTR")]
    [InlineData(15, "MX")]
    [InlineData(16, "TXT")]
    [InlineData(28, "AAAA")]
    [InlineData(33, "SRV")]
    [InlineData(35, "NAPTR")]
    [InlineData(41, "OPT")]
    [InlineData(43, "DS")]
    [InlineData(46, "RRSIG")]
    [InlineData(47, "NSEC")]
    [InlineData(48, "DNSKEY")]
    [InlineData(50, "NSEC3")]
    [InlineData(64, "SVCB")]
    [InlineData(65, "HTTPS")]
    [InlineData(252, "AXFR")]
    [InlineData(255, "ANY")]
    [InlineData(257, "CAA")]
    public void Known_types_have_mnemonics(ushort type, string name)
    {
        Assert.Equal(name, DnsTypeNames.Get(type));
        Assert.Same(DnsTypeNames.Get(type), DnsTypeNames.Get(type));
    }

    [Theory]
    [InlineData(0, "TYPE0")]
    [InlineData(65280, "TYPE65280")]
    [InlineData(999, "TYPE999")]
    public void Unknown_types_use_RFC3597_form(ushort type, string name) => Assert.Equal(name, DnsTypeNames.Get(type));

    [Theory]
    [InlineData(0, "NOERROR")]
    [InlineData(1, "FORMERR")]
    [InlineData(2, "SERVFAIL")]
    [InlineData(3, "NXDOMAIN")]
    [InlineData(4, "NOTIMP")]
    [InlineData(5, "REFUSED")]
    [InlineData(6, "YXDOMAIN")]
    [InlineData(7, "YXRRSET")]
    [InlineData(8, "NXRRSET")]
    [InlineData(9, "NOTAUTH")]
    [InlineData(10, "NOTZONE")]
    [InlineData(16, "BADVERS")]
    [InlineData(23, "BADCOOKIE")]
    [InlineData(12, "RCODE12")]
    [InlineData(4095, "RCODE4095")]
    public void Rcodes_have_mnemonics(ushort rcode, string name) => Assert.Equal(name, DnsRcodeNames.Get(rcode));

    [Fact]
    public void Known_names_do_not_allocate()
    {
        DnsTypeNames.Get(28);
        DnsRcodeNames.Get(3);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (ushort i = 0; i < 1000; i++)
        {
            DnsTypeNames.Get(28);
            DnsRcodeNames.Get(3);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}

using System.Text;
using Edge.Detect.Intel;
using Edge.Watch.Net;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Detect.Tests.Intel;

public class CorpusListTests
{
    private static IntelLoadResult LoadCorpus() =>
        IntelLoader.Load(new[] { "domains.txt", "ips.txt", "doh.txt", "protected.txt", "benign.txt" }
            .Select(file => Path.Combine(Corpus.Root, "intel", file)));

    [Fact]
    public void Corpus_lists_load_with_their_counts_per_category()
    {
        var (snapshot, report) = LoadCorpus();

        Assert.True(report.Complete);
        Assert.Equal(0, report.BadLines);
        Assert.Equal(0, report.UnsupportedLines);
        Assert.Equal(6, report.Count("phishing"));
        Assert.Equal(2, report.Count("cnc"));
        Assert.Equal(4, report.Count("botnet"));
        Assert.Equal(5, report.Count("mining"));
        Assert.Equal(1, report.Count("malware"));
        Assert.Equal(6, report.Count("typosquat-protected"));
        Assert.Equal(3, report.Count("doh"));
        Assert.Equal(200, report.Count("benign"));
        Assert.Equal(6, report.Cidrs);
        Assert.Equal(15 + 3 + 3 + 200, report.Domains);
        Assert.Equal(3, report.Duplicates);
        Assert.Equal(15 + 3 + 200, snapshot.DomainCount);
        Assert.Equal(200, report.BySource["benign.txt"]);
    }

    [Theory]
    [InlineData("x.pool.supportxmr.com", "mining", "domains.txt")]
    [InlineData("DNS.GOOGLE.", "doh", "doh.txt")]
    [InlineData("www.dichvucong.gov.vn", "typosquat-protected", "domains.txt")]
    [InlineData("accounts.google.com", "benign", "benign.txt")]
    public void Corpus_names_match_their_lists(string name, string category, string source)
    {
        var snapshot = LoadCorpus().Snapshot;

        Assert.True(snapshot.TryMatchDomain(Encoding.ASCII.GetBytes(name), out var match));
        Assert.Equal(category, match.List.Category);
        Assert.Equal(source, match.List.Source);
    }

    [Theory]
    [InlineData("198.51.100.31", "mining", 31)]
    [InlineData("203.0.113.66", "cnc", 32)]
    public void Corpus_addresses_match_their_lists(string address, string category, int length)
    {
        var snapshot = LoadCorpus().Snapshot;

        Assert.True(snapshot.TryMatchAddress(IpAddr.Parse(address), out var match));
        Assert.Equal(category, match.List.Category);
        Assert.Equal(length, match.PrefixLength);
        Assert.False(snapshot.TryMatchAddress(IpAddr.Parse("198.51.100.33"), out _));
    }
}

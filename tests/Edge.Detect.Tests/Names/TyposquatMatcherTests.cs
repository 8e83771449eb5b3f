using Edge.Detect.Names;

namespace Edge.Detect.Tests.Names;

public sealed class TyposquatMatcherTests(ITestOutputHelper output)
{
    private static readonly TyposquatMatcher s_matcher = new(NameCorpus.Protected());

    [Theory]
    [InlineData("typosquat")]
    [InlineData("mixed")]
    public void Every_corpus_typosquat_alert_matches_its_protected_domain(string scenario)
    {
        var alerts = NameCorpus.TyposquatAlerts(scenario);
        var missed = new List<string>();
        foreach (var (name, protectedName, fuzzer) in alerts)
        {
            if (!s_matcher.TryMatch(NameCorpus.Bytes(name), out var index, out var kind) || s_matcher[index] != protectedName)
                missed.Add(name);
            else
                output.WriteLine($"{name} -> {s_matcher[index]} {kind} (dnstwist {fuzzer})");
        }

        Assert.NotEmpty(alerts);
        Assert.Empty(missed);
    }

    [Fact]
    public void Kinds_agree_with_dnstwist_fuzzers()
    {
        foreach (var (name, _, fuzzer) in NameCorpus.TyposquatAlerts("typosquat"))
        {
            Assert.True(s_matcher.TryMatch(NameCorpus.Bytes(name), out _, out var kind));
            SquatKind[] allowed = fuzzer switch
            {
                "omission" => [SquatKind.Omission],
                "transposition" => [SquatKind.Transposition],
                "hyphenation" => [SquatKind.Hyphenation],
                "addition" => [SquatKind.Insertion, SquatKind.Repetition],
                "replacement" => [SquatKind.Replacement, SquatKind.Homoglyph, SquatKind.Bitsquat],
                "homoglyph" => [SquatKind.Idn, SquatKind.Homoglyph],
                _ => [],
            };
            Assert.Contains(kind, allowed);
        }
    }

    [Fact]
    public void No_benign_name_matches()
    {
        var matched = NameCorpus.Benign().Where(n => s_matcher.TryMatch(NameCorpus.Bytes(n), out _, out _)).ToList();
        Assert.Empty(matched);
    }

    [Theory]
    [InlineData("dichvucong.gov.vn")]
    [InlineData("www.dichvucong.gov.vn")]
    [InlineData("DichVuCong.Gov.VN.")]
    [InlineData("mps.gov.vn")]
    [InlineData("a.b.mps.gov.vn")]
    [InlineData("chinhphu.vn")]
    [InlineData("vanban.chinhphu.vn")]
    [InlineData("gov.vn")]
    [InlineData("example.com")]
    [InlineData("mps.com")]
    [InlineData("xn--.gov.vn")]
    public void Protected_domains_their_subdomains_and_strangers_do_not_match(string name) =>
        Assert.False(s_matcher.TryMatch(NameCorpus.Bytes(name), out _, out _));

    [Theory]
    [InlineData("dichvucongg.gov.vn", SquatKind.Repetition)]
    [InlineData("dichvucong.com", SquatKind.TldSwap)]
    [InlineData("chinhphu.com.vn", SquatKind.TldSwap)]
    [InlineData("rnps.gov.vn", SquatKind.Homoglyph)]
    [InlineData("chinhphv.vn", SquatKind.Replacement)]
    [InlineData("chinhphe.vn", SquatKind.Bitsquat)]
    [InlineData("ch1nhphu.vn", SquatKind.Homoglyph)]
    [InlineData("www.dichvuc0ng.gov.vn", SquatKind.Homoglyph)]
    [InlineData("xn--mps-8cd.gov.vn", SquatKind.Idn)]
    public void Names_the_kind(string name, SquatKind expected)
    {
        Assert.True(s_matcher.TryMatch(NameCorpus.Bytes(name), out _, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void Matching_allocates_nothing()
    {
        var names = new[] { "xn--dihvuon-n5ad61t.gov.vn"u8.ToArray(), "dichvucogn.gov.vn"u8.ToArray(), "accounts.google.com"u8.ToArray() };
        foreach (var name in names)
            s_matcher.TryMatch(name, out _, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 100; round++)
        {
            foreach (var name in names)
                s_matcher.TryMatch(name, out _, out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

using System.Text;
using Edge.Detect.Intel;

namespace Edge.Detect.Tests.Intel;

public class LineFormatTests
{
    private static IntelLoadResult LoadText(string fileName, string text, IntelLoadOptions? options = null)
    {
        using var lists = new TempLists();
        return IntelLoader.Load([lists.Write(fileName, text)], options);
    }

    private static string? CategoryOf(IntelSnapshot snapshot, string name) =>
        snapshot.TryMatchDomain(Encoding.ASCII.GetBytes(name), out var match) ? match.List.Category : null;

    [Fact]
    public void Plain_lists_take_a_tab_or_space_category_column_and_comments()
    {
        var (snapshot, report) = LoadText("feed.txt", "# header\nevil.com\tphishing\nbad.org   cnc # inline\n\n*.wild.net Malware\n");

        Assert.Equal("phishing", CategoryOf(snapshot, "evil.com"));
        Assert.Equal("cnc", CategoryOf(snapshot, "x.bad.org"));
        Assert.Equal("malware", CategoryOf(snapshot, "a.wild.net"));
        Assert.Equal(0, report.BadLines);
    }

    [Fact]
    public void Category_comes_from_the_file_name_then_the_callers_default()
    {
        Assert.Equal("mining", CategoryOf(LoadText("mining.txt", "pool.example\n").Snapshot, "pool.example"));
        Assert.Equal("phishing", CategoryOf(LoadText("phishing-2024.txt", "p.example\n").Snapshot, "p.example"));
        Assert.Equal("malware", CategoryOf(LoadText("feed.txt", "m.example\n", new IntelLoadOptions { DefaultCategory = "malware" }).Snapshot, "m.example"));

        var report = LoadText("feed.txt", "m.example\n").Report;
        Assert.Equal(IntelLineError.NoCategory, Assert.Single(report.Samples).Reason);
    }

    [Fact]
    public void Hosts_files_take_every_name_and_skip_loopback_names()
    {
        var (snapshot, report) = LoadText("malware.hosts",
            "127.0.0.1 localhost\n::1 ip6-localhost ip6-loopback\n0.0.0.0 a.example b.example\n127.0.0.1\tc.example # note\n");

        Assert.Equal(3, snapshot.DomainCount);
        Assert.Equal("malware", CategoryOf(snapshot, "b.example"));
        Assert.Equal(0, report.BadLines);
    }

    [Fact]
    public void AdBlock_takes_domain_anchors_and_counts_the_rest_as_unsupported()
    {
        var (snapshot, report) = LoadText("malware-adblock.txt",
            "[Adblock Plus 2.0]\n! comment\n||ads.example^\n||opt.example^$third-party\n@@||ok.example^\nexample.com##.banner\n/banner/*\n");

        Assert.Equal(1, snapshot.DomainCount);
        Assert.Equal("malware", CategoryOf(snapshot, "x.ads.example"));
        Assert.Equal(4, report.UnsupportedLines);
        Assert.Equal(0, report.BadLines);
        Assert.Equal(4, report.ByReason[IntelLineError.UnsupportedAdBlock]);
    }

    [Fact]
    public void Bad_lines_are_reported_with_file_line_and_reason_and_never_stop_the_load()
    {
        using var lists = new TempLists();
        var path = lists.Write("cnc.txt", "good.example\n10.0.0.0/33\nbad..name\n::/129\n1.2.3.0/24 c&c\nlast.example\n");

        var (snapshot, report) = IntelLoader.Load([path], new IntelLoadOptions { MaxSamples = 2 });

        Assert.Equal(2, snapshot.DomainCount);
        Assert.Equal(4, report.BadLines);
        Assert.Equal(2, report.Samples.Count);
        Assert.Equal(new IntelLineIssue(path, 2, IntelLineError.BadPrefixLength, "10.0.0.0/33"), report.Samples[0]);
        Assert.Equal(new IntelLineIssue(path, 3, IntelLineError.BadName, "bad..name"), report.Samples[1]);
        Assert.Equal(1, report.ByReason[IntelLineError.BadCategory]);
    }

    [Fact]
    public void Crlf_bom_and_an_overlong_line_are_handled()
    {
        var text = "\uFEFFfirst.example\r\n" + new string('a', 100_000) + "\r\nsecond.example\r\n";

        var (snapshot, report) = LoadText("malware.txt", text);

        Assert.Equal(2, snapshot.DomainCount);
        Assert.Equal(IntelLineError.LineTooLong, Assert.Single(report.Samples).Reason);
        Assert.Equal(2, report.Samples[0].Line);
    }

    [Fact]
    public void Folders_are_expanded_and_an_unreadable_file_is_a_warning()
    {
        using var lists = new TempLists();
        lists.Write("mining.txt", "pool.example\n");
        lists.Write("cnc.list", "c2.example\n");

        var (snapshot, report) = IntelLoader.Load([lists.Root, Path.Combine(lists.Root, "missing.txt")]);

        Assert.Equal(2, snapshot.DomainCount);
        Assert.Equal(2, report.Files);
        Assert.False(report.Complete);
        Assert.EndsWith("missing.txt", Assert.Single(report.Warnings).File, StringComparison.Ordinal);
    }
}

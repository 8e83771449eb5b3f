using System.Net;
using System.Text;
using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Detect.Tests.Intel;

/// <summary>Response Policy Zones: each action and scope of a QNAME trigger, local data, mixed
/// owners, $ORIGIN, what is counted as unsupported, and the cap on lists.</summary>
public sealed class RpzZoneTests
{
    private const string Header = """
        $TTL 300
        $ORIGIN rpz.example.
        @ IN SOA localhost. root.localhost. ( 1 3600
                600 86400 300 )
          IN NS localhost.

        """;

    private static IntelLoadResult LoadZone(string body, string fileName = "botnet.rpz")
    {
        using var lists = new TempLists();
        return IntelLoader.Load([lists.Write(fileName, Header + body)]);
    }

    private static IntelList? Match(IntelSnapshot snapshot, string name) =>
        snapshot.TryMatchDomain(Encoding.ASCII.GetBytes(name), out var match) ? match.List : null;

    [Theory]
    [InlineData("CNAME .", IntelAction.NxDomain)]
    [InlineData("CNAME *.", IntelAction.NoData)]
    [InlineData("CNAME rpz-passthru.", IntelAction.PassThru)]
    [InlineData("CNAME RPZ-DROP.", IntelAction.Drop)]
    [InlineData("300 IN CNAME .", IntelAction.NxDomain)]
    public void Each_cname_action_is_taken_with_its_meaning(string record, IntelAction action)
    {
        var (snapshot, report) = LoadZone($"evil.example {record}\n");

        var list = Match(snapshot, "evil.example");
        Assert.NotNull(list);
        Assert.Equal(action, list.Action);
        Assert.Equal(IntelScope.Exact, list.Scope);
        Assert.Equal("botnet", list.Category);
        Assert.Equal(0, report.BadLines + report.UnsupportedLines);
    }

    [Fact]
    public void A_bare_owner_covers_only_the_name_and_a_wildcard_owner_only_the_names_below()
    {
        var (snapshot, _) = LoadZone("exact.example CNAME .\n*.below.example CNAME .\n");

        Assert.NotNull(Match(snapshot, "exact.example"));
        Assert.NotNull(Match(snapshot, "EXACT.example."));
        Assert.Null(Match(snapshot, "www.exact.example"));
        Assert.Null(Match(snapshot, "below.example"));
        Assert.Equal(IntelScope.Subdomains, Match(snapshot, "www.below.example")!.Scope);
        Assert.NotNull(Match(snapshot, "a.b.below.example"));
    }

    [Fact]
    public void An_inapplicable_longer_entry_gives_way_to_the_longest_applicable_one()
    {
        // a.evil.example is listed for itself only; its subdomains fall back to *.evil.example.
        var (snapshot, _) = LoadZone("*.evil.example CNAME .\na.evil.example CNAME rpz-passthru.\n");

        Assert.Equal(IntelAction.PassThru, Match(snapshot, "a.evil.example")!.Action);
        Assert.Equal(IntelAction.NxDomain, Match(snapshot, "x.a.evil.example")!.Action);
        snapshot.TryMatchDomain("x.a.evil.example"u8, out var match);
        Assert.Equal(4, match.Start);
    }

    [Fact]
    public void A_name_and_its_wildcard_with_one_action_become_one_suffix_entry()
    {
        var (snapshot, report) = LoadZone("*.evil.example CNAME .\nevil.example CNAME .\n");

        Assert.Equal(1, snapshot.DomainCount);
        Assert.Equal(0, report.Duplicates);
        var list = Match(snapshot, "evil.example")!;
        Assert.Equal(IntelScope.Suffix, list.Scope);
        Assert.Equal(IntelAction.NxDomain, list.Action);
        Assert.Same(list, Match(snapshot, "www.evil.example"));
    }

    [Fact]
    public void A_name_and_its_wildcard_with_different_actions_keep_both()
    {
        var (snapshot, _) = LoadZone("evil.example CNAME *.\n*.evil.example CNAME rpz-drop.\n");

        Assert.Equal(2, snapshot.DomainCount);
        Assert.Equal(IntelAction.NoData, Match(snapshot, "evil.example")!.Action);
        Assert.Equal(IntelAction.Drop, Match(snapshot, "www.evil.example")!.Action);
    }

    [Fact]
    public void A_name_listed_again_keeps_its_first_list_where_the_first_covers_it()
    {
        using var lists = new TempLists();
        var feed = lists.Write("cnc.txt", "evil.example\n");
        var zone = lists.Write("phishing.rpz", "evil.example CNAME .\n*.evil.example CNAME rpz-drop.\nonly.example CNAME .\n");
        var feed2 = lists.Write("malware.txt", "only.example\n");

        var (snapshot, report) = IntelLoader.Load([feed, zone, feed2]);

        Assert.Equal("cnc", Match(snapshot, "evil.example")!.Category);
        Assert.Equal("cnc", Match(snapshot, "www.evil.example")!.Category);
        // only.example: the zone covers the name, the later feed still adds its subdomains.
        Assert.Equal("phishing", Match(snapshot, "only.example")!.Category);
        Assert.Equal("malware", Match(snapshot, "www.only.example")!.Category);
        Assert.Equal(2, report.Duplicates);
    }

    [Fact]
    public void Local_data_records_of_one_owner_form_one_address_set()
    {
        var (snapshot, report) = LoadZone("""
            walled.example A 192.0.2.10
            walled.example AAAA 2001:db8::10
            walled.example 300 IN A 192.0.2.11
            *.walled.example A 192.0.2.20
            other.example A 192.0.2.10
            other.example A 192.0.2.11
            other.example AAAA 2001:db8::10

            """);

        var exact = Match(snapshot, "walled.example")!;
        Assert.Equal(IntelAction.LocalData, exact.Action);
        Assert.Equal(IntelScope.Exact, exact.Scope);
        Assert.Equal([IPAddress.Parse("192.0.2.10"), IPAddress.Parse("2001:db8::10"), IPAddress.Parse("192.0.2.11")], exact.LocalData);
        var below = Match(snapshot, "www.walled.example")!;
        Assert.Equal([IPAddress.Parse("192.0.2.20")], below.LocalData);
        Assert.Equal(IntelScope.Subdomains, below.Scope);
        // The same addresses in another order are another answer, so another list.
        Assert.NotSame(exact, Match(snapshot, "other.example"));
        Assert.Equal(3, report.Domains);
        Assert.Equal(0, report.BadLines + report.UnsupportedLines);
    }

    [Fact]
    public void Absolute_owners_lose_the_origin_and_relative_ones_stay()
    {
        var (snapshot, _) = LoadZone("""
            abs.example.rpz.example. 300 IN CNAME .
            *.wild.example.rpz.example. CNAME .
            rel.example CNAME .
            other.example.elsewhere. CNAME .

            """);

        Assert.NotNull(Match(snapshot, "abs.example"));
        Assert.Null(Match(snapshot, "abs.example.rpz.example"));
        Assert.NotNull(Match(snapshot, "x.wild.example"));
        Assert.Null(Match(snapshot, "wild.example"));
        Assert.NotNull(Match(snapshot, "rel.example"));
        Assert.NotNull(Match(snapshot, "other.example.elsewhere"));
    }

    [Fact]
    public void Other_actions_and_triggers_are_counted_as_unsupported()
    {
        var (snapshot, report) = LoadZone("""
            tcp.example CNAME rpz-tcp-only.
            rewrite.example CNAME walled.garden.example.
            txt.example TXT "blocked"
            mx.example MX 10 mail.example.
            32.1.0.0.10.rpz-ip CNAME .
            24.0.0.0.10.rpz-nsip CNAME .
            ns.evil.example.rpz-nsdname CNAME .
            32.2.0.0.10.rpz-client-ip CNAME rpz-drop.
            32.3.0.0.10.rpz-ip A 192.0.2.1
            bad.example A 2001:db8::1
            bad6.example AAAA 192.0.2.1
            bad..name CNAME .

            """);

        Assert.Equal(0, snapshot.DomainCount);
        Assert.Equal(2, report.ByReason[IntelLineError.UnsupportedRpzAction]);
        Assert.Equal(7, report.ByReason[IntelLineError.UnsupportedRpzRecord]);
        Assert.Equal(2, report.ByReason[IntelLineError.BadAddress]);
        Assert.Equal(1, report.ByReason[IntelLineError.BadName]);
    }

    [Fact]
    public void Plain_entries_in_a_zone_file_keep_the_feed_meaning()
    {
        var (snapshot, _) = LoadZone("plain.example\n");

        var list = Match(snapshot, "www.plain.example")!;
        Assert.Equal(IntelAction.Block, list.Action);
        Assert.Equal(IntelScope.Suffix, list.Scope);
    }

    [Fact]
    public void Lists_beyond_65535_are_counted_and_the_load_goes_on()
    {
        // Every owner with its own local-data address needs its own list.
        var zone = new StringBuilder(Header);
        const int owners = IntelSnapshotBuilder.MaxLists + 10;
        for (var i = 0; i < owners; i++)
            zone.Append(CultureInfo(i)).Append(".example A 10.").Append((i >> 16) & 255).Append('.').Append((i >> 8) & 255).Append('.').Append(i & 255).Append('\n');
        zone.Append("after.example CNAME .\n");
        using var lists = new TempLists();

        var (snapshot, report) = IntelLoader.Load([lists.Write("botnet.rpz", zone.ToString())]);

        // The file's NXDOMAIN list took one index first (after.example is read before the local data is added).
        Assert.Equal(IntelSnapshotBuilder.MaxLists, snapshot.DomainCount);
        Assert.Equal(11, report.ByReason[IntelLineError.TooManyLists]);
        Assert.NotNull(Match(snapshot, "after.example"));
        Assert.Equal(IntelAction.LocalData, Match(snapshot, "n0.example")!.Action);
        Assert.Null(Match(snapshot, $"n{owners - 1}.example"));

        static string CultureInfo(int i) => "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void The_cidr_enumerator_yields_every_network_once_with_its_first_list()
    {
        var first = new IntelList("a", "cnc");
        var second = new IntelList("b", "botnet");
        var builder = new IntelSnapshotBuilder();
        builder.AddCidr(IpAddr.Parse("10.0.0.0"), 8, first);
        builder.AddCidr(IpAddr.Parse("10.0.0.0"), 8, second);
        builder.AddCidr(IpAddr.Parse("192.0.2.7"), 32, second);
        builder.AddCidr(IpAddr.Parse("2001:db8::"), 32, first);
        builder.AddCidr(IpAddr.Parse("2001:db8::1"), 128, second);
        var snapshot = builder.Build();

        var seen = new List<string>();
        foreach (var cidr in snapshot.EnumerateCidrs())
            seen.Add($"{cidr.Network}/{cidr.PrefixLength} {cidr.List.Category}");

        Assert.Equal(["10.0.0.0/8 cnc", "192.0.2.7/32 botnet", "2001:db8::/32 cnc", "2001:db8::1/128 botnet"], seen.Order());
        Assert.Empty(IntelSnapshot.Empty.EnumerateCidrs().ToListOf());
    }
}

internal static class CidrEnumeratorExtensions
{
    public static List<IntelCidr> ToListOf(this CidrEnumerator cidrs)
    {
        var list = new List<IntelCidr>();
        foreach (var cidr in cidrs)
            list.Add(cidr);
        return list;
    }
}

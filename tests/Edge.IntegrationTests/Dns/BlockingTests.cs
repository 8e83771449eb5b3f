namespace Edge.IntegrationTests.Dns;

/// <summary>Names on an intel list are answered by Edge per the configured policy instead of the
/// upstream's records (which exist: a name Edge failed to block comes back with its A record); a
/// listed name's subdomains are blocked too; the allowlist wins; an RPZ zone's actions are honoured.</summary>
[Collection(DnsLabCollection.Name)]
public sealed class BlockingTests
{
    private const string PageV4 = "192.0.2.250";
    private const string PageV6 = "2001:db8::250";

    public static TheoryData<string> Policies => ["NxDomain", "NoData", "BlockPage"];

    [Theory]
    [MemberData(nameof(Policies))]
    public void Listed_names_and_their_subdomains_are_sinkholed_per_policy_and_the_allowlist_wins(string policy)
    {
        using var lab = DnsLab.Create();
        lab.StartUnbound();
        var intel = Directory.CreateDirectory(Path.Combine(lab.Work.FullName, "intel"));
        File.WriteAllText(Path.Combine(intel.FullName, "phishing.txt"), "# lab list\nbad.lab.test\n");
        var allow = Path.Combine(lab.Work.FullName, "allow.txt");
        File.WriteAllText(allow, "ok.bad.lab.test\n");
        new EdgeForwarder(lab).Upstream(lab.UnboundAddress).IntelList(intel.FullName).AllowList(allow)
            .BlockAnswer(policy, PageV4, PageV6).Start();

        foreach (var name in new[] { "bad.lab.test", "deep.bad.lab.test" })
        {
            foreach (var transport in new[] { "+notcp", "+tcp" })
            {
                var direct = lab.Dig.Query(lab.UnboundAddress, name, "A", transport);
                Assert.True(direct.Data("A").SequenceEqual([LabZone.ListedAddress(name)]), direct.Raw);
                for (var ask = 1; ask <= 2; ask++)
                {
                    var a = lab.Dig.Query(lab.SensorAddress, name, "A", transport);
                    var aaaa = lab.Dig.Query(lab.SensorAddress, name, "AAAA", transport);
                    var what = $"{name} {transport} ask {ask}, policy {policy}";
                    switch (policy)
                    {
                        case "NxDomain":
                            Assert.True(a.Status == "NXDOMAIN" && a.Answer.Count == 0, $"{what}\n{a.Raw}");
                            Assert.True(aaaa.Status == "NXDOMAIN" && aaaa.Answer.Count == 0, $"{what}\n{aaaa.Raw}");
                            break;
                        case "NoData":
                            Assert.True(a.Status == "NOERROR" && a.Answer.Count == 0, $"{what}\n{a.Raw}");
                            Assert.True(aaaa.Status == "NOERROR" && aaaa.Answer.Count == 0, $"{what}\n{aaaa.Raw}");
                            break;
                        default:
                            Assert.True(a.Status == "NOERROR" && a.Data("A").SequenceEqual([PageV4]) && a.Answer.Count == 1, $"{what}\n{a.Raw}");
                            Assert.True(aaaa.Status == "NOERROR" && aaaa.Data("AAAA").SequenceEqual([PageV6]) && aaaa.Answer.Count == 1, $"{what}\n{aaaa.Raw}");
                            Assert.True(a.Answer[0].Name == name + ".", $"{what}: the page's record must be for the name asked\n{a.Raw}");
                            break;
                    }
                    Assert.True(a.Flags.Contains("qr") && a.Flags.Contains("ra") && !a.Truncated, $"{what}\n{a.Raw}");
                }
            }
        }

        // The allowlisted subdomain of a listed name and an unlisted name pass as the upstream answers them.
        foreach (var name in new[] { "ok.bad.lab.test", LabZone.Www })
        {
            SameAnswer.Assert(lab.Dig.Query(lab.UnboundAddress, name, "A"), lab.Dig.Query(lab.SensorAddress, name, "A"), $"{name} under policy {policy}");
            SameAnswer.Assert(lab.Dig.Query(lab.UnboundAddress, name, "A", "+tcp"), lab.Dig.Query(lab.SensorAddress, name, "A", "+tcp"), $"{name} +tcp under policy {policy}");
        }
        // A name that merely ends like a listed one is not its subdomain.
        var lookalike = lab.Dig.Query(lab.SensorAddress, "notbad.lab.test", "A");
        Assert.True(lookalike.Status == "NXDOMAIN" && lookalike.Authority.Any(r => r.Type == "SOA"), $"notbad.lab.test is not listed; the upstream's NXDOMAIN with its SOA:\n{lookalike.Raw}");
    }

    [Fact]
    public void An_RPZ_zone_answers_per_record_nxdomain_nodata_passthru_and_local_data()
    {
        using var lab = DnsLab.Create();
        lab.StartUnbound();
        var intel = Directory.CreateDirectory(Path.Combine(lab.Work.FullName, "intel"));
        File.WriteAllText(Path.Combine(intel.FullName, "malware.rpz"), """
            $TTL 300
            @ IN SOA localhost. admin.localhost. 1 3600 600 86400 300
            @ IN NS localhost.
            rpz-nx.lab.test CNAME .
            rpz-nodata.lab.test CNAME *.
            rpz-local.lab.test A 192.0.2.99
            *.wild.lab.test CNAME .
            pass.wild.lab.test CNAME rpz-passthru.
            """);
        new EdgeForwarder(lab).Upstream(lab.UnboundAddress).IntelList(intel.FullName).BlockAnswer("NoData").Start();

        for (var ask = 1; ask <= 2; ask++)
        {
            var nx = lab.Dig.Query(lab.SensorAddress, "rpz-nx.lab.test", "A");
            Assert.True(nx.Status == "NXDOMAIN" && nx.Answer.Count == 0, $"CNAME . is NXDOMAIN\n{nx.Raw}");
            var wild = lab.Dig.Query(lab.SensorAddress, "x.wild.lab.test", "A");
            Assert.True(wild.Status == "NXDOMAIN" && wild.Answer.Count == 0, $"*.wild CNAME . is NXDOMAIN for its subdomains\n{wild.Raw}");
            var nodata = lab.Dig.Query(lab.SensorAddress, "rpz-nodata.lab.test", "A");
            Assert.True(nodata.Status == "NOERROR" && nodata.Answer.Count == 0, $"CNAME *. is NODATA\n{nodata.Raw}");
            var local = lab.Dig.Query(lab.SensorAddress, "rpz-local.lab.test", "A");
            Assert.True(local.Status == "NOERROR" && local.Data("A").SequenceEqual(["192.0.2.99"]), $"local data A replaces the upstream's 192.0.2.55\n{local.Raw}");
            var pass = "pass.wild.lab.test";
            SameAnswer.Assert(lab.Dig.Query(lab.UnboundAddress, pass, "A"), lab.Dig.Query(lab.SensorAddress, pass, "A"), "rpz-passthru. wins over *.wild");
            SameAnswer.Assert(lab.Dig.Query(lab.UnboundAddress, LabZone.Www, "A"), lab.Dig.Query(lab.SensorAddress, LabZone.Www, "A"), "a name the zone does not list");
        }
    }
}

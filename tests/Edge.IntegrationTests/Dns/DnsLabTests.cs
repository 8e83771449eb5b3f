using System.Diagnostics;
using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Dns;

/// <summary>The lab itself, without Edge: the upstreams answer the client directly through the
/// sensor namespace's routing with everything the forwarder tests compare, the fake upstream forges
/// what it should, a killed upstream goes silent, and nothing is left behind.</summary>
public sealed class DnsLabTests
{
    [Fact]
    public void Unbound_and_dnsmasq_answer_the_client_directly_with_the_lab_zone()
    {
        using var lab = DnsLab.Create();
        lab.StartUnbound();
        lab.StartDnsmasq();
        foreach (var server in new[] { lab.UnboundAddress, lab.DnsmasqAddress })
        {
            var www = lab.Dig.Query(server, LabZone.Www, "A");
            Assert.True(www.Data("A").SequenceEqual([LabZone.WwwV4]), www.Raw);
            Assert.True(lab.Dig.Query(server, LabZone.Www, "AAAA").Data("AAAA").SequenceEqual([LabZone.WwwV6]));
            Assert.True(lab.Dig.Query(server, LabZone.Zone, "MX").Data("MX").SequenceEqual(["10 mail.lab.test."]));
            Assert.True(lab.Dig.Query(server, LabZone.Txt, "TXT").Data("TXT").SequenceEqual(["\"v=lab1 hello\""]));
            var chain = lab.Dig.Query(server, LabZone.Alias, "A");
            Assert.True(chain.Answer.Select(r => r.Type).SequenceEqual(["CNAME", "CNAME", "A"]), chain.Raw);
            Assert.Equal("NXDOMAIN", lab.Dig.Query(server, LabZone.Missing, "A").Status);
            var nodata = lab.Dig.Query(server, LabZone.V4Only, "AAAA");
            Assert.True(nodata.Status == "NOERROR" && nodata.Answer.Count == 0, nodata.Raw);

            var truncated = lab.Dig.Query(server, LabZone.Many, "A", "+noedns", "+ignore");
            // unbound sends the header alone, dnsmasq as many records as fit in 512 bytes: both set TC.
            Assert.True(truncated.Truncated && truncated.Answer.Count < LabZone.ManyCount, truncated.Raw);
            var retried = lab.Dig.Query(server, LabZone.Many, "A", "+noedns");
            Assert.True(retried.RetriedOverTcp && retried.Answer.Count == LabZone.ManyCount, retried.Raw);
            Assert.Equal(LabZone.ManyCount, lab.Dig.Query(server, LabZone.Many, "A", "+tcp").Answer.Count);
            Assert.Equal(3, lab.Dig.Kdig(server, LabZone.Long, "TXT", "+tcp").Data("TXT").Single().Split("\" \"").Length);
            Assert.Equal(LabZone.ManyCount, lab.Dig.Kdig(server, LabZone.Many, "A").Answer.Count);
        }
        // Only unbound has an SOA for negative answers (its negative TTL); dnsmasq cannot add one.
        var negative = lab.Dig.Query(lab.UnboundAddress, LabZone.Missing, "A");
        Assert.True(negative.Authority.Single().Type == "SOA", negative.Raw);
        // Both serve the same data, so a test may compare against either.
        foreach (var (name, type) in new[] { (LabZone.Www, "A"), (LabZone.Zone, "MX"), (LabZone.Alias, "A"), (LabZone.Many, "A"), (LabZone.Long, "TXT") })
        {
            var unbound = lab.Dig.Query(lab.UnboundAddress, name, type, "+tcp");
            var dnsmasq = lab.Dig.Query(lab.DnsmasqAddress, name, type, "+tcp");
            Assert.True(unbound.Answer.Select(r => r.Key).Order().SequenceEqual(dnsmasq.Answer.Select(r => r.Key).Order()), $"{unbound.Raw}\n{dnsmasq.Raw}");
        }
    }

    [Fact]
    public void The_upstreams_refuse_names_outside_the_lab_zone()
    {
        using var lab = DnsLab.Create();
        lab.StartUnbound();
        lab.StartDnsmasq();
        Assert.Equal("REFUSED", lab.Dig.Query(lab.UnboundAddress, "example.com", "A").Status);
        Assert.Equal("REFUSED", lab.Dig.Query(lab.DnsmasqAddress, "example.com", "A").Status);
    }

    [Fact]
    public void The_fake_upstream_sends_forged_answers_before_the_true_one()
    {
        using var lab = DnsLab.Create();
        var fake = lab.StartFakeUpstream();
        var answer = lab.Dig.Query(lab.FakeAddress, "spoof1.lab.test", "A", "+time=3");
        // dig checks ids and questions itself: it reports the forged ones and takes the true answer.
        Assert.Contains("ID mismatch", answer.Raw, StringComparison.Ordinal);
        Assert.Contains("Question section mismatch", answer.Raw, StringComparison.Ordinal);
        Assert.True(answer.Data("A").SequenceEqual([FakeUpstream.TrueAddress.ToString()]), answer.Raw);
        Assert.Equal(1, fake.CountFor("spoof1.lab.test"));
        Assert.Null(fake.Failure);
    }

    [Fact]
    public void A_killed_upstream_stops_answering_while_the_other_still_answers()
    {
        using var lab = DnsLab.Create();
        var unbound = lab.StartUnbound();
        lab.StartDnsmasq();
        unbound.Kill();
        Assert.True(lab.Dig.Query(lab.UnboundAddress, LabZone.Www, "A", "+time=1").NoReply);
        Assert.Equal(LabZone.WwwV4, lab.Dig.Query(lab.DnsmasqAddress, LabZone.Www, "A").Data("A").Single());
    }

    [Fact]
    public void Disposing_the_lab_removes_its_namespaces_processes_and_files()
    {
        var lab = DnsLab.Create();
        var unbound = lab.StartUnbound();
        var dnsmasq = lab.StartDnsmasq();
        lab.StartFakeUpstream();
        var work = lab.Work.FullName;
        var namespaces = lab.Namespaces;
        Assert.True(File.Exists(Path.Combine(work, "unbound.conf")));
        lab.Dispose();
        Assert.False(Directory.Exists(work));
        var left = NamespacePair.Run("ip", "netns", "list");
        Assert.DoesNotContain(namespaces, ns => left.Contains(ns, StringComparison.Ordinal));
        Assert.False(ProcessAlive(unbound.Id) || ProcessAlive(dnsmasq.Id));
    }

    private static bool ProcessAlive(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

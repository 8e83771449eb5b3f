using System.Diagnostics;

namespace Edge.IntegrationTests.Dns;

/// <summary>Two upstreams in failover order, unbound then dnsmasq: when unbound dies, dnsmasq answers
/// within a bounded time; when both are dead, the client gets SERVFAIL within the answer deadline
/// (not silence, not a client-side timeout).</summary>
[Collection(DnsLabCollection.Name)]
public sealed class FailoverTests
{
    private const int UpstreamTimeoutMs = 500;
    private const int AnswerDeadlineMs = 2000;
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(AnswerDeadlineMs);

    [Fact]
    public void When_the_first_upstream_dies_the_second_answers_within_the_deadline()
    {
        using var lab = DnsLab.Create();
        var unbound = lab.StartUnbound();
        lab.StartDnsmasq();
        new EdgeForwarder(lab).Upstream($"{lab.UnboundAddress}:53").Upstream($"{lab.DnsmasqAddress}:53")
            .Timeouts(UpstreamTimeoutMs, AnswerDeadlineMs).Start();
        SameAnswer.Assert(lab.Dig.Query(lab.UnboundAddress, LabZone.Numbered(0), "A"), lab.Dig.Query(lab.SensorAddress, LabZone.Numbered(0), "A"), "before the failure");

        unbound.Kill();
        // Names not yet cached, so each one needs an upstream: the first goes to the dead unbound
        // first (Edge cannot know yet), and must still be answered by dnsmasq within the deadline.
        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 10; i++)
        {
            var name = LabZone.Numbered(i);
            var reply = TimedQuery.Ask(lab.Client, lab.SensorAddress, name, LabDns.TypeA, Deadline + TimeSpan.FromSeconds(3));
            Assert.True(reply is { Rcode: 0 }, $"{name} after unbound died: {reply?.ToString() ?? "no reply"}");
            Assert.True(reply!.Elapsed <= Deadline + Margin, $"{name} answered in {reply.Elapsed.TotalMilliseconds:F0} ms, over the {AnswerDeadlineMs} ms deadline");
            SameAnswer.Assert(lab.Dig.Query(lab.DnsmasqAddress, name, "A"), lab.Dig.Query(lab.SensorAddress, name, "A"), $"{name} from dnsmasq");
        }
        // Once Edge knows unbound is down, answers no longer wait for its timeout.
        var settled = TimedQuery.Ask(lab.Client, lab.SensorAddress, LabZone.Numbered(20), LabDns.TypeA, Deadline);
        Assert.True(settled is { Rcode: 0 } && settled.Elapsed < TimeSpan.FromMilliseconds(UpstreamTimeoutMs),
            $"{clock.Elapsed.TotalSeconds:F1} s after the failure a new name still waits for the dead upstream: {settled}");
    }

    [Fact]
    public void When_every_upstream_is_down_the_client_gets_SERVFAIL_within_the_answer_deadline()
    {
        using var lab = DnsLab.Create();
        var unbound = lab.StartUnbound();
        var dnsmasq = lab.StartDnsmasq();
        var edge = new EdgeForwarder(lab).Upstream(lab.UnboundAddress).Upstream(lab.DnsmasqAddress)
            .Timeouts(UpstreamTimeoutMs, AnswerDeadlineMs).Start();
        unbound.Kill();
        dnsmasq.Kill();

        for (var i = 30; i < 33; i++)
        {
            var name = LabZone.Numbered(i);
            var reply = TimedQuery.Ask(lab.Client, lab.SensorAddress, name, LabDns.TypeA, Deadline + TimeSpan.FromSeconds(5));
            Assert.True(reply is not null, $"no answer at all for {name} within {(Deadline + TimeSpan.FromSeconds(5)).TotalSeconds} s");
            Assert.True(reply.Rcode == 2, $"{name}: rcode {reply.Rcode}, expected SERVFAIL (2)");
            Assert.True(reply.Elapsed <= Deadline + Margin, $"SERVFAIL for {name} after {reply.Elapsed.TotalMilliseconds:F0} ms, over the {AnswerDeadlineMs} ms deadline + {Margin.TotalMilliseconds} ms");
        }
        // dig sees the same, over TCP too.
        Assert.Equal("SERVFAIL", lab.Dig.Query(lab.SensorAddress, LabZone.Numbered(40), "A", "+time=5").Status);
        Assert.Equal("SERVFAIL", lab.Dig.Query(lab.SensorAddress, LabZone.Numbered(41), "A", "+tcp", "+time=5").Status);
        Assert.False(edge.HasExited, edge.Output);
    }
}

namespace Edge.IntegrationTests.Dns;

/// <summary>"Identical to asking the upstream directly": the same status, the same tc, rd, ra and qr
/// flags, the same answer and authority records (any order), TTLs no larger than the upstream's
/// (a cached copy counts down). The aa flag is left out: a forwarder's answer is not authoritative.</summary>
public static class SameAnswer
{
    private static readonly string[] Compared = ["qr", "tc", "rd", "ra"];

    public static void Assert(DigResult upstream, DigResult forwarded, string what)
    {
        var context = $"{what}\n--- upstream directly:\n{upstream.Raw}\n--- through the forwarder:\n{forwarded.Raw}";
        Xunit.Assert.False(upstream.NoReply, $"the upstream did not answer: {context}");
        Xunit.Assert.False(forwarded.NoReply, $"the forwarder did not answer: {context}");
        Xunit.Assert.True(upstream.Status == forwarded.Status, $"status {forwarded.Status}, upstream {upstream.Status}: {context}");
        foreach (var flag in Compared)
            Xunit.Assert.True(upstream.Flags.Contains(flag) == forwarded.Flags.Contains(flag), $"flag {flag} differs: {context}");
        Same(upstream.Answer, forwarded.Answer, "answer", context);
        Same(upstream.Authority, forwarded.Authority, "authority", context);
    }

    private static void Same(IReadOnlyList<DigRecord> upstream, IReadOnlyList<DigRecord> forwarded, string section, string context)
    {
        var expected = upstream.Select(r => r.Key).Order(StringComparer.Ordinal).ToArray();
        var actual = forwarded.Select(r => r.Key).Order(StringComparer.Ordinal).ToArray();
        Xunit.Assert.True(expected.SequenceEqual(actual), $"{section} section differs: {context}");
        foreach (var record in forwarded)
        {
            var original = upstream.First(r => r.Key == record.Key);
            Xunit.Assert.True(record.Ttl <= original.Ttl, $"TTL of {record.Key} grew from {original.Ttl} to {record.Ttl}: {context}");
        }
    }
}

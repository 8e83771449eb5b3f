using System.Diagnostics;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Tests.TestSupport;
using Xunit;

namespace Edge.Watch.Tests.Dns;

/// <summary>Real messages cut short or mutated: the codec answers Malformed or Done, never throws.</summary>
public class DnsRobustnessTests
{
    private static readonly Lazy<List<byte[]>> s_payloads = new(() =>
    {
        var all = new List<byte[]>();
        foreach (var scenario in new[] { "dns-basic", "dns-tunnel", "typosquat", "benign" })
        {
            foreach (var payload in CorpusDns.UdpPayloads(scenario))
                all.Add(payload.Data);
        }
        return all;
    });

    [Fact]
    public void Real_messages_truncated_at_every_offset_are_malformed()
    {
        var checkedMessages = 0;
        foreach (var message in s_payloads.Value.Take(400))
        {
            Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(message, out _, out _));
            for (var length = 0; length < message.Length; length++)
            {
                var status = DnsMessageReader.TryParse(message.AsSpan(0, length), out _, out var error);
                Assert.True(status == ParseStatus.Malformed, $"length {length} of {message.Length}: {status}");
                Assert.NotEqual(DnsError.None, error);
            }
            checkedMessages++;
        }
        Assert.True(checkedMessages >= 400);
    }

    [Fact]
    public void Mutated_messages_never_throw()
    {
        var payloads = s_payloads.Value;
        var random = new Random(20240611);
        var buffer = new byte[1600];
        Span<byte> text = stackalloc byte[DnsName.MaxPresentationLength];
        Span<byte> rdata = stackalloc byte[2048];
        var done = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var iteration = 0; iteration < 200_000; iteration++)
        {
            var source = payloads[random.Next(payloads.Count)];
            var length = Math.Min(source.Length, buffer.Length);
            source.AsSpan(0, length).CopyTo(buffer);
            switch (random.Next(4))
            {
                case 0:
                    for (var flips = random.Next(1, 5); flips > 0; flips--)
                        buffer[random.Next(length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    length = random.Next(length + 1);
                    break;
                case 2:
                    for (var writes = random.Next(1, 9); writes > 0; writes--)
                        buffer[random.Next(length)] = (byte)random.Next(256);
                    break;
                default:
                    // Plant a compression pointer somewhere, aimed anywhere.
                    var at = random.Next(Math.Max(1, length - 1));
                    buffer[at] = (byte)(0xC0 | random.Next(4));
                    buffer[at + 1] = (byte)random.Next(256);
                    break;
            }

            var message = buffer.AsSpan(0, length);
            var status = DnsMessageReader.TryParse(message, out var m, out var error);
            Assert.True(status is ParseStatus.Done or ParseStatus.Malformed);
            Assert.Equal(status == ParseStatus.Done, error == DnsError.None);
            if (status != ParseStatus.Done)
                continue;
            done++;
            if (m.HasQuestion)
                Assert.True(DnsName.TryRead(message, m.QuestionNameOffset, text, out _));
            var records = 0;
            foreach (var record in m.Records)
            {
                Assert.True(DnsName.TryRead(message, record.NameOffset, text, out _));
                DnsRdata.TryFormat(message, record, rdata, out _);
                records++;
            }
            Assert.Equal(m.AnswerCount + m.AuthorityCount + m.AdditionalCount, records);
        }
        stopwatch.Stop();
        Assert.True(done > 1000, $"only {done} mutants parsed");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Parsing_a_corpus_message_does_not_allocate()
    {
        var message = s_payloads.Value[1];
        Span<byte> text = stackalloc byte[DnsName.MaxPresentationLength];
        Walk(message, text);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            Walk(message, text);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());

        static void Walk(byte[] message, Span<byte> text)
        {
            DnsMessageReader.TryParse(message, out var m, out _);
            DnsName.TryRead(message, m.QuestionNameOffset, text, out _);
            foreach (var record in m.Records)
                DnsRdata.TryFormat(message, record, text, out _);
        }
    }
}

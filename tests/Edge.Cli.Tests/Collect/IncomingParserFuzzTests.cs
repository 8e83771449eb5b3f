using System.Text;
using Edge.Cli.Collect;
using Edge.Cli.Store;
using Edge.Cli.Tests.Store;

namespace Edge.Cli.Tests.Collect;

/// <summary>Mutated real payloads (what a sensor published for the sample capture, and store
/// fixtures) on mutated topics through the parser: it never throws, every message becomes exactly
/// one thing, a reject keeps a reason and at most 64 KiB, and everything accepted can be stored.
/// EDGE_FUZZ_ITERATIONS (default 10,000) and EDGE_FUZZ_SEED set a longer or different run.</summary>
public sealed class IncomingParserFuzzTests
{
    private static readonly byte[][] Tokens =
        [.. new[] { "\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "0", "1e309", "18446744073709551616", "1.5",
            "\\u0000", "\\ud800", "\\udc00", "\"\"", "\"schema\":\"edge.alert/1\",", "\"schema\":\"edge.status/1\"", "\"x\":1,",
            "\"count\":0", "\"id\":\"01J0000000000000000000000A\",", "Z", "T", "+02:00", ".123456789", "town-b", "phishing",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "\u00e9", "\xff", "\xc3", "\xef\xbb\xbf" }.Select(t => Encoding.Latin1.GetBytes(t))];

    private static readonly string[] TopicTokens = ["/", "+", "#", "alert", "status", "heartbeat", "cnc", "town-b", "GW", "\0", "$share/", "edge/v2", ""];

    [Fact]
    public void Mutated_real_messages_never_break_the_parser_and_what_it_accepts_can_be_stored()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("EDGE_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 10_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("EDGE_FUZZ_SEED"), out var s) ? s : 20261125;
        var random = new Random(seed);
        var samples = CollectSamples.Published().ToList();
        samples.Add((CollectSamples.AlertTopic, Encoding.UTF8.GetBytes(StoreFixtures.Alert("01J0000000000000000000000A").Payload)));
        var parser = CollectSamples.Parser();
        var accepted = new IncomingBatch();
        int alerts = 0, rejects = 0;

        for (var i = 0; i < iterations; i++)
        {
            var (topic, payload) = samples[random.Next(samples.Count)];
            var mutatedTopic = random.Next(8) == 0 ? MutateTopic(topic, random) : topic;
            var mutated = random.Next(10) == 0 ? payload : Mutate(payload, random);
            ParsedMessage parsed;
            try
            {
                parsed = parser.Parse(mutatedTopic, mutated, 1);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed} iteration {i}: {e.GetType().Name}: {e.Message}\n{mutatedTopic}\n{Convert.ToBase64String(mutated)}");
                return;
            }

            var kinds = new object?[] { parsed.Alert, parsed.Status, parsed.Heartbeat, parsed.Reject }.Count(k => k is not null);
            Assert.True(kinds == 1, $"seed {seed} iteration {i}: {kinds} results");
            if (parsed.Reject is { } reject)
            {
                rejects++;
                Assert.False(string.IsNullOrWhiteSpace(reject.Reason), $"seed {seed} iteration {i}: no reason");
                Assert.True(reject.Payload.Length <= IncomingParser.MaxPayloadBytes);
                Assert.True(RejectText.IsStorable(reject.Topic) && RejectText.IsStorable(reject.Reason) && !reject.Reason.Contains('\0'),
                    $"seed {seed} iteration {i}: reject text not storable");
                continue;
            }
            if (parsed.Alert is { } alert)
            {
                alerts++;
                Assert.True(UlidText.IsValid(alert.Message.Id));
                Assert.EndsWith($"/{alert.Message.Agency}/{alert.Message.Sensor}/alert/{alert.Message.Category}", mutatedTopic, StringComparison.Ordinal);
                Assert.True(RejectText.IsStorable(alert.Payload));
            }
            if (accepted.Count < 2000)
                parsed.AddTo(accepted);
        }

        Assert.True(alerts > 0 && rejects > 0, $"{alerts} alerts and {rejects} rejects: the mutations miss one side");
        var folder = Directory.CreateTempSubdirectory("edge-collect-fuzz-");
        try
        {
            using var store = IncidentStore.Open(Path.Combine(folder.FullName, "fuzz.db"));
            using var writer = new StoreWriter(store);
            var result = writer.Write(accepted);
            Assert.Equal(accepted.Alerts.Count, result.NewAlerts + result.RepeatedAlerts);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var data = new List<byte>(input);
        var rounds = random.Next(1, 5);
        for (var r = 0; r < rounds; r++)
        {
            if (data.Count == 0)
            {
                data.Add((byte)random.Next(256));
                continue;
            }
            var at = random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data[at] = (byte)random.Next(256);
                    break;
                case 2:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 32)));
                    break;
                case 3:
                    var length = Math.Min(data.Count - at, random.Next(1, 64));
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 4:
                    data.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 5:
                    // Change one digit or letter inside a value: keeps the JSON valid more often than not.
                    var c = data[at];
                    if (c is >= (byte)'0' and <= (byte)'9')
                        data[at] = (byte)('0' + random.Next(10));
                    else if (c is >= (byte)'a' and <= (byte)'z')
                        data[at] = (byte)('a' + random.Next(26));
                    break;
                default:
                    var token = Tokens[random.Next(Tokens.Length)];
                    data.RemoveRange(at, Math.Min(data.Count - at, token.Length));
                    data.InsertRange(at, token);
                    break;
            }
        }
        return [.. data];
    }

    private static string MutateTopic(string topic, Random random)
    {
        var at = random.Next(topic.Length + 1);
        return random.Next(3) switch
        {
            0 => topic.Insert(at, TopicTokens[random.Next(TopicTokens.Length)]),
            1 => topic.Remove(Math.Min(at, topic.Length - 1), 1),
            _ => topic[..at] + TopicTokens[random.Next(TopicTokens.Length)] + topic[Math.Min(topic.Length, at + 3)..],
        };
    }
}

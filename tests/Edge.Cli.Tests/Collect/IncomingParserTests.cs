using System.Text;
using System.Text.Json.Nodes;
using Edge.Cli.Collect;
using Edge.Cli.Tests.Store;

namespace Edge.Cli.Tests.Collect;

public sealed class IncomingParserTests
{
    private const long Received = 1_800_000_000_000;
    private readonly IncomingParser _parser = CollectSamples.Parser();

    [Fact]
    public void Every_message_a_real_sensor_published_is_accepted_with_its_ids_and_times()
    {
        var parsed = CollectSamples.Published().Select(m => _parser.Parse(m.Topic, m.Payload, Received)).ToList();

        Assert.All(parsed, p => Assert.Null(p.Reject?.Reason));
        Assert.Equal((27, 2, 1), (parsed.Count(p => p.Alert is not null), parsed.Count(p => p.Status is not null), parsed.Count(p => p.Heartbeat is not null)));
        Assert.Equal(23, parsed.Where(p => p.Alert is not null).Select(p => p.Alert!.Message.Id).Distinct().Count());
        var alert = parsed.First(p => p.Alert is not null).Alert!;
        Assert.Equal(DateTimeOffset.Parse(alert.Message.FirstSeen, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), alert.FirstSeenMs);
        Assert.Equal(Received, alert.ReceivedAtMs);
        Assert.Equal(alert.Message.Id, System.Text.Json.JsonDocument.Parse(alert.Payload).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public void Alert_times_with_microseconds_become_unix_milliseconds()
    {
        var json = CollectSamples.AlertJson();
        json["first_seen"] = "2026-11-25T15:32:30.123456Z";
        json["last_seen"] = "2026-11-25T15:32:31Z";

        var alert = _parser.Parse(CollectSamples.AlertTopic, CollectSamples.Bytes(json), Received).Alert!;

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 15, 32, 30, 123, TimeSpan.Zero).ToUnixTimeMilliseconds(), alert.FirstSeenMs);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 15, 32, 31, TimeSpan.Zero).ToUnixTimeMilliseconds(), alert.LastSeenMs);
    }

    [Fact]
    public void The_last_will_has_no_time_and_is_dated_by_its_arrival_a_birth_by_its_ts()
    {
        var will = _parser.Parse(CollectSamples.StatusTopic, CollectSamples.Bytes("""{"schema":"edge.status/1","state":"offline"}"""), Received).Status!;
        var birth = _parser.Parse(CollectSamples.StatusTopic,
            CollectSamples.Bytes("""{"schema":"edge.status/1","state":"online","version":"2.0.0","ts":"2026-03-01T08:00:00Z"}"""), Received).Status!;

        Assert.Equal(("town-a", "gw-1", "offline", Received), (will.Agency, will.Sensor, will.Message.State, will.AtMs));
        Assert.Equal(StoreFixtures.Start.ToUnixTimeMilliseconds(), birth.AtMs);
    }

    [Fact]
    public void A_heartbeat_is_dated_by_its_own_ts()
    {
        var heartbeat = _parser.Parse(CollectSamples.HeartbeatTopic, CollectSamples.Bytes("""
            {"schema":"edge.heartbeat/1","ts":"2026-03-01T08:00:00.250Z","uptime_seconds":60,"packets":1,"drops":0,"decode_errors":0,
             "flows":0,"dns":0,"alerts":{"raised":0,"sent":0,"pending":0,"dropped":0,"suppressed":0,"rate_limited":0},
             "outbox":{"depth":2,"bytes":0,"dropped":0,"refused":0}}
            """), Received).Heartbeat!;

        Assert.Equal(StoreFixtures.Start.ToUnixTimeMilliseconds() + 250, heartbeat.AtMs);
        Assert.Equal(2, heartbeat.Message.Outbox.Depth);
    }

    public static TheoryData<string, string, string, string> Rejects() => new()
    {
        // name, topic, payload, a part of the reason
        { "not JSON", CollectSamples.AlertTopic, "garbage", "not JSON" },
        { "empty", CollectSamples.AlertTopic, "", "empty payload" },
        { "not an object", CollectSamples.AlertTopic, "[1,2]", "not a JSON object" },
        { "foreign JSON", CollectSamples.AlertTopic, """{"temperature":21.5}""", "no schema field" },
        { "next version", CollectSamples.AlertTopic, Alert(j => j["schema"] = "edge.alert/2"), "schema 'edge.alert/2' on a alert topic" },
        { "status on an alert topic", CollectSamples.AlertTopic, """{"schema":"edge.status/1","state":"online"}""", "expected edge.alert/1" },
        { "alert on the status topic", CollectSamples.StatusTopic, Alert(_ => { }), "expected edge.status/1" },
        { "schema not a string", CollectSamples.AlertTopic, """{"schema":1}""", "schema is not a string" },
        { "unknown field", CollectSamples.AlertTopic, Alert(j => j["extra"] = 1), "not valid JSON for its schema" },
        { "missing id", CollectSamples.AlertTopic, Alert(j => j.Remove("id")), "missing required properties" },
        { "null id", CollectSamples.AlertTopic, Alert(j => j["id"] = null), "not valid JSON for its schema" },
        { "count as text", CollectSamples.AlertTopic, Alert(j => j["count"] = "3"), "not valid JSON for its schema" },
        { "duplicate field", CollectSamples.AlertTopic, Alert(_ => { }).Replace("\"count\":1", "\"count\":1,\"count\":9", StringComparison.Ordinal), "not valid JSON for its schema" },
        { "trailing bytes", CollectSamples.AlertTopic, Alert(_ => { }) + "{}", "not valid JSON for its schema" },
        { "lower-case id", CollectSamples.AlertTopic, Alert(j => j["id"] = "01j0000000000000000000000a"), "is not a ULID" },
        { "id with I", CollectSamples.AlertTopic, Alert(j => j["id"] = "01J000000000000000000000IA"), "is not a ULID" },
        { "id too long", CollectSamples.AlertTopic, Alert(j => j["id"] = "01J0000000000000000000000AA"), "is not a ULID" },
        { "first digit over 7", CollectSamples.AlertTopic, Alert(j => j["id"] = "81J0000000000000000000000A"), "is not a ULID" },
        { "another agency", CollectSamples.AlertTopic, Alert(j => j["agency"] = "town-b"), "agency 'town-b' is not the topic's 'town-a'" },
        { "another sensor", CollectSamples.AlertTopic, Alert(j => j["sensor"] = "gw-2"), "sensor 'gw-2' is not the topic's 'gw-1'" },
        { "another category", CollectSamples.AlertTopic, Alert(j => j["category"] = "cnc"), "category 'cnc' is not the topic's 'phishing'" },
        { "unknown category", "edge/v1/town-a/gw-1/alert/spam", Alert(j => j["category"] = "spam"), "is not one of edge.alert/1" },
        { "unknown severity", CollectSamples.AlertTopic, Alert(j => j["severity"] = "urgent"), "severity 'urgent'" },
        { "count zero", CollectSamples.AlertTopic, Alert(j => j["count"] = 0), "count 0 is below 1" },
        { "empty rule id", CollectSamples.AlertTopic, Alert(j => j["rule"] = new JsonObject { ["id"] = "", ["name"] = "n" }), "rule needs an id" },
        { "rule without name", CollectSamples.AlertTopic, Alert(j => j["rule"] = new JsonObject { ["id"] = "r" }), "rule needs an id" },
        { "bad kind", CollectSamples.AlertTopic, Alert(j => j["kind"] = "DNS Query"), "kind 'DNS Query'" },
        { "no src", CollectSamples.AlertTopic, Alert(j => j.Remove("src")), "src and proto are required" },
        { "src without ip", CollectSamples.AlertTopic, Alert(j => j["src"] = new JsonObject { ["port"] = 1 }), "src and dst need an ip" },
        { "port out of range", CollectSamples.AlertTopic, Alert(j => j["dst"]!["port"] = 70000), "port 0 to 65535" },
        { "month 13", CollectSamples.AlertTopic, Alert(j => j["first_seen"] = "2026-13-01T00:00:00Z"), "first_seen '2026-13-01T00:00:00Z' is not an RFC 3339 UTC time" },
        { "offset time", CollectSamples.AlertTopic, Alert(j => j["last_seen"] = "2026-03-01T08:00:00+02:00"), "last_seen" },
        { "space for T", CollectSamples.AlertTopic, Alert(j => j["ts"] = "2026-03-01 08:00:00Z"), "ts '2026-03-01 08:00:00Z'" },
        { "30 February", CollectSamples.AlertTopic, Alert(j => j["ts"] = "2026-02-30T08:00:00Z"), "is not an RFC 3339 UTC time" },
        { "NUL in evidence", CollectSamples.AlertTopic, Alert(j => j["evidence"] = "a\0b"), "NUL character" },
        { "lone surrogate", CollectSamples.AlertTopic, Alert(_ => { }).Replace("\"evidence\":\"", "\"evidence\":\"\\ud800", StringComparison.Ordinal), "not valid JSON for its schema" },
        { "wrong prefix", "edge/v2/town-a/gw-1/alert/phishing", Alert(_ => { }), "topic is not under edge/v1/" },
        { "deeper topic", "edge/v1/town-a/gw-1/alert/phishing/more", Alert(_ => { }), "topic is not edge/v1/{agency}/{sensor}/alert/{category}" },
        { "upper-case agency", "edge/v1/Town-A/gw-1/alert/phishing", Alert(_ => { }), "agency and sensor ids must be" },
        { "state unknown", CollectSamples.StatusTopic, """{"schema":"edge.status/1","state":"sleeping"}""", "state 'sleeping'" },
        { "status bad ts", CollectSamples.StatusTopic, """{"schema":"edge.status/1","state":"online","ts":"yesterday"}""", "ts 'yesterday'" },
        { "heartbeat negative", CollectSamples.HeartbeatTopic, Heartbeat("\"uptime_seconds\":-5"), "must not be negative" },
        { "heartbeat without outbox", CollectSamples.HeartbeatTopic, """{"schema":"edge.heartbeat/1","ts":"2026-03-01T08:00:00Z","uptime_seconds":1,"alerts":{"raised":0,"sent":0,"pending":0,"dropped":0,"suppressed":0,"rate_limited":0}}""", "missing required properties" },
    };

    [Theory]
    [MemberData(nameof(Rejects))]
    public void A_message_outside_the_contract_is_rejected_with_its_reason_and_its_bytes(string name, string topic, string payload, string reason)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        var parsed = _parser.Parse(topic, bytes, Received);

        Assert.True(parsed.Reject is not null, $"{name}: accepted");
        Assert.Contains(reason, parsed.Reject.Reason, StringComparison.Ordinal);
        Assert.NotEqual("", parsed.Reject.Reason);
        Assert.Equal(bytes, parsed.Reject.Payload);
        Assert.Equal((topic, Received), (parsed.Reject.Topic, parsed.Reject.ReceivedAtMs));
        Assert.Null(parsed.Alert ?? (object?)parsed.Status ?? parsed.Heartbeat);
    }

    [Fact]
    public void An_oversized_payload_is_rejected_with_its_first_64_KiB()
    {
        var payload = new byte[IncomingParser.MaxPayloadBytes + 1000];
        payload.AsSpan().Fill((byte)'x');

        var reject = _parser.Parse(CollectSamples.AlertTopic, payload, Received).Reject!;

        Assert.StartsWith("too large: 66536 bytes", reject.Reason, StringComparison.Ordinal);
        Assert.Equal(IncomingParser.MaxPayloadBytes, reject.Payload.Length);
    }

    [Fact]
    public void A_topic_with_control_characters_is_stored_cleaned()
    {
        var reject = _parser.Parse("edge/v1/a\0b/gw-1/status", CollectSamples.Bytes("{}"), Received).Reject!;

        Assert.Equal("edge/v1/a?b/gw-1/status", reject.Topic);
        Assert.DoesNotContain('\0', reject.Reason);
    }

    [Fact]
    public void A_sensor_category_alert_needs_no_src_nor_proto()
    {
        var json = CollectSamples.AlertJson();
        json["category"] = "sensor";
        json["kind"] = "firmware-rollback";
        foreach (var field in new[] { "src", "dst", "proto", "dns" })
            json.Remove(field);

        var parsed = _parser.Parse("edge/v1/town-a/gw-1/alert/sensor", CollectSamples.Bytes(json), Received);

        Assert.Null(parsed.Reject?.Reason);
        Assert.Equal("sensor", parsed.Alert!.Message.Category);
    }

    private static string Alert(Action<JsonObject> change)
    {
        var json = CollectSamples.AlertJson();
        change(json);
        return json.ToJsonString();
    }

    private static string Heartbeat(string uptime) =>
        $$$"""{"schema":"edge.heartbeat/1","ts":"2026-03-01T08:00:00Z",{{{uptime}}},"packets":1,"drops":0,"decode_errors":0,"flows":0,"dns":0,"alerts":{"raised":0,"sent":0,"pending":0,"dropped":0,"suppressed":0,"rate_limited":0},"outbox":{"depth":0,"bytes":0,"dropped":0,"refused":0}}""";
}

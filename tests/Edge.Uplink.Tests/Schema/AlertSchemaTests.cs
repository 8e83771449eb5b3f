using System.Text.Json.Nodes;
using Edge.Uplink.Messages;
using Edge.Uplink.Schemas;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Uplink.Tests.Schema;

public class AlertSchemaTests
{
    [Fact]
    public void A_message_with_every_field_validates()
    {
        SchemaValidator.AssertValid(UplinkSchemas.Alert, UplinkExamples.Json(UplinkExamples.FullAlert()));
    }

    [Fact]
    public void A_message_with_only_the_required_fields_validates()
    {
        var full = UplinkExamples.FullAlert();
        var minimal = new AlertMessage
        {
            Id = full.Id, Ts = full.Ts, FirstSeen = full.FirstSeen, LastSeen = full.LastSeen, Count = 1,
            Agency = full.Agency, Sensor = full.Sensor, Category = "scan", Severity = "low", Rule = full.Rule,
            Indicator = "445/tcp-sweep", Kind = "scan", Src = new AlertEndpoint("10.0.0.5", null), Proto = "17",
            Evidence = "swept 300 hosts on 445/tcp",
        };
        SchemaValidator.AssertValid(UplinkSchemas.Alert, UplinkExamples.Json(minimal));
    }

    [Fact]
    public void The_schema_names_exactly_the_properties_the_message_serializes()
    {
        var schema = JsonNode.Parse(UplinkSchemas.Read(UplinkSchemas.Alert))!;
        var declared = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        var serialized = JsonNode.Parse(UplinkExamples.Json(UplinkExamples.FullAlert()))!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(serialized, declared);
        Assert.Equal(AlertMessage.SchemaName, schema["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("category", "ransomware")]
    [InlineData("severity", "urgent")]
    [InlineData("id", "01jd8x6q0m7zk3v9t5r2w4y6b8")]
    [InlineData("id", "01JD8X6Q0M7ZK3V9T5R2W4Y6B")]
    [InlineData("id", "81JD8X6Q0M7ZK3V9T5R2W4Y6B8")]
    [InlineData("id", "01JD8X6Q0M7ZK3V9T5R2W4Y6BU")]
    [InlineData("agency", "Agency 7")]
    [InlineData("sensor", "")]
    [InlineData("ts", "2026-11-25 15:32:30")]
    [InlineData("first_seen", "2026-11-25T15:32:30+01:00")]
    [InlineData("proto", "SCTP")]
    [InlineData("schema", "edge.alert/2")]
    [InlineData("kind", "TLS SNI")]
    [InlineData("evidence", "")]
    [InlineData("evidence_file", "../etc/passwd")]
    public void A_wrong_value_is_rejected(string field, string value)
    {
        var json = UplinkExamples.Edited(UplinkExamples.FullAlert(), o => o[field] = value);
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Alert, json));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("schema")]
    [InlineData("ts")]
    [InlineData("category")]
    [InlineData("src")]
    [InlineData("proto")]
    [InlineData("blocked")]
    [InlineData("evidence")]
    public void A_missing_required_field_is_rejected(string field)
    {
        var json = UplinkExamples.Edited(UplinkExamples.FullAlert(), o => o.Remove(field));
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Alert, json));
    }

    [Fact]
    public void An_extra_field_is_rejected_at_the_top_and_inside()
    {
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Alert, UplinkExamples.Edited(UplinkExamples.FullAlert(), o => o["note"] = "x")));
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Alert, UplinkExamples.Edited(UplinkExamples.FullAlert(), o => o["src"]!["mac"] = "00:11:22:33:44:55")));
    }

    [Theory]
    [InlineData("192.168.1.300", 80)]
    [InlineData("not-an-ip", 80)]
    [InlineData("192.168.1.20", 65536)]
    [InlineData("192.168.1.20", -1)]
    public void A_bad_endpoint_is_rejected(string ip, int port)
    {
        var json = UplinkExamples.Edited(UplinkExamples.FullAlert(), o => o["dst"] = new JsonObject { ["ip"] = ip, ["port"] = port });
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Alert, json));
    }

    [Fact]
    public void A_count_below_one_is_rejected()
    {
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Alert, UplinkExamples.Edited(UplinkExamples.FullAlert(), o => o["count"] = 0)));
    }

    [Fact]
    public void An_alert_about_the_sensor_itself_validates_without_client_or_protocol()
    {
        SchemaValidator.AssertValid(UplinkSchemas.Alert, UplinkExamples.Json(UplinkExamples.SensorAlert()));
        SchemaValidator.AssertValid(UplinkSchemas.Alert, UplinkExamples.Edited(UplinkExamples.SensorAlert(), o =>
        {
            o["src"] = new JsonObject { ["ip"] = "192.168.1.2" };
            o["proto"] = "TCP";
        }));
    }

    [Theory]
    [InlineData("dst")]
    [InlineData("dns")]
    [InlineData("tls")]
    [InlineData("http")]
    [InlineData("intel")]
    [InlineData("evidence_file")]
    public void An_alert_about_the_sensor_carries_no_traffic_field(string field)
    {
        var traffic = JsonNode.Parse(UplinkExamples.Json(UplinkExamples.FullAlert()))![field]!.DeepClone();
        var json = UplinkExamples.Edited(UplinkExamples.SensorAlert(), o => o[field] = traffic);
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Alert, json));
    }

    [Theory]
    [InlineData("src")]
    [InlineData("proto")]
    public void Only_the_sensor_category_may_leave_out_client_and_protocol(string field)
    {
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Alert, Without(field, "scan")));
        SchemaValidator.AssertValid(UplinkSchemas.Alert, Without(field, "sensor"));
    }

    /// <summary>The full alert of <paramref name="category"/> without its traffic fields and <paramref name="field"/>.</summary>
    private static string Without(string field, string category) => UplinkExamples.Edited(UplinkExamples.FullAlert(), o =>
    {
        foreach (var traffic in new[] { "dst", "dns", "tls", "http", "intel", "evidence_file", field })
            o.Remove(traffic);
        o["category"] = category;
    });
}

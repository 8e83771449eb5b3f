using System.Text.Json.Nodes;
using Edge.Uplink.Messages;
using Edge.Uplink.Schemas;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Uplink.Tests.Schema;

public class StatusAndHeartbeatSchemaTests
{
    [Fact]
    public void The_birth_message_and_the_last_will_validate()
    {
        SchemaValidator.AssertValid(UplinkSchemas.Status, UplinkExamples.Json(UplinkExamples.Online()));
        SchemaValidator.AssertValid(UplinkSchemas.Status, UplinkExamples.Json(UplinkExamples.LastWill()));
        Assert.Equal("""{"schema":"edge.status/1","state":"offline"}""", UplinkExamples.Json(UplinkExamples.LastWill()));
    }

    [Fact]
    public void A_heartbeat_validates()
    {
        SchemaValidator.AssertValid(UplinkSchemas.Heartbeat, UplinkExamples.Json(UplinkExamples.Heartbeat()));
        SchemaValidator.AssertValid(UplinkSchemas.Heartbeat, UplinkExamples.Json(new HeartbeatMessage
        {
            Ts = "2026-11-25T15:01:00Z",
            UptimeSeconds = 0,
            Alerts = new HeartbeatAlerts(0, 0, 0, 0, 0, 0),
            Outbox = new HeartbeatOutbox(0, 0, 0, 0),
        }));
    }

    [Theory]
    [InlineData("state", "rebooting")]
    [InlineData("schema", "edge.alert/1")]
    [InlineData("started", "yesterday")]
    [InlineData("uptime", "1")]
    public void A_wrong_status_is_rejected(string field, string value)
    {
        var node = JsonNode.Parse(UplinkExamples.Json(UplinkExamples.Online()))!.AsObject();
        node[field] = value;
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Status, node.ToJsonString()));
    }

    [Fact]
    public void A_heartbeat_without_outbox_figures_or_with_a_negative_counter_is_rejected()
    {
        var missing = JsonNode.Parse(UplinkExamples.Json(UplinkExamples.Heartbeat()))!.AsObject();
        missing.Remove("outbox");
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Heartbeat, missing.ToJsonString()));
        var negative = JsonNode.Parse(UplinkExamples.Json(UplinkExamples.Heartbeat()))!.AsObject();
        negative["outbox"]!["dropped"] = -1;
        Assert.NotEmpty(SchemaValidator.Errors(UplinkSchemas.Heartbeat, negative.ToJsonString()));
    }

    [Fact]
    public void Each_schema_names_exactly_the_properties_its_message_serializes()
    {
        AssertSameProperties(UplinkSchemas.Status, UplinkExamples.Json(UplinkExamples.Online()), StatusMessage.SchemaName);
        AssertSameProperties(UplinkSchemas.Heartbeat, UplinkExamples.Json(UplinkExamples.Heartbeat()), HeartbeatMessage.SchemaName);
    }

    private static void AssertSameProperties(string schemaName, string json, string title)
    {
        var schema = JsonNode.Parse(UplinkSchemas.Read(schemaName))!;
        Assert.Equal(title, schema["title"]!.GetValue<string>());
        var declared = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        var serialized = JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(serialized, declared);
    }
}

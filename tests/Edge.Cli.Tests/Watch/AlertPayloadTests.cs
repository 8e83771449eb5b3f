using System.Text;
using Edge.Cli.Watch;

namespace Edge.Cli.Tests.Watch;

public sealed class AlertPayloadTests
{
    [Fact]
    public void An_alert_as_the_sensor_sends_it_is_read()
    {
        Assert.True(AlertPayload.TryParse(WatchFixtures.Payload(WatchFixtures.Alert()), out var alert, out var reason), reason);
        Assert.Equal("update-sync-cdn.example", alert.Indicator);
        Assert.Equal("high", alert.Severity);
    }

    [Theory]
    [InlineData("", "not an edge.alert/1 JSON object")]
    [InlineData("hello", "not an edge.alert/1 JSON object")]
    [InlineData("[1,2]", "not an edge.alert/1 JSON object")]
    [InlineData("null", "payload is JSON null")]
    [InlineData("{\"schema\":\"edge.alert/1\"}", "not an edge.alert/1 JSON object")]
    [InlineData("{\"schema\":\"edge.alert/1\",\"id\":", "not an edge.alert/1 JSON object")]
    public void Anything_else_is_a_reason_never_an_exception(string payload, string expected)
    {
        Assert.False(AlertPayload.TryParse(Encoding.UTF8.GetBytes(payload), out var alert, out var reason));
        Assert.Null(alert);
        Assert.StartsWith(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_schema_and_explicit_nulls_in_required_fields_are_refused()
    {
        var json = Encoding.UTF8.GetString(WatchFixtures.Payload(WatchFixtures.Alert()));

        Assert.False(AlertPayload.TryParse(Encoding.UTF8.GetBytes(json.Replace("edge.alert/1", "edge.alert/2", StringComparison.Ordinal)), out _, out var schema));
        Assert.False(AlertPayload.TryParse(Encoding.UTF8.GetBytes(json.Replace("\"agency\":\"town-a\"", "\"agency\":null", StringComparison.Ordinal)), out _, out var nulls));
        Assert.Equal("schema 'edge.alert/2', not edge.alert/1", schema);
        Assert.Equal("a required field is null", nulls);
    }

    [Fact]
    public void Binary_garbage_is_a_reason()
    {
        var garbage = new byte[512];
        new Random(3).NextBytes(garbage);

        Assert.False(AlertPayload.TryParse(garbage, out _, out var reason));
        Assert.NotEmpty(reason);
    }
}

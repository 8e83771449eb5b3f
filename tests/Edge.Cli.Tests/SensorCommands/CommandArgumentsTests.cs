using System.Text.Json.Nodes;
using Edge.Cli.SensorCommands;

namespace Edge.Cli.Tests.SensorCommands;

public sealed class CommandArgumentsTests
{
    private static string Json(string name, string[] words, params string[] pairs)
    {
        var args = CommandArguments.Build(name, words, pairs, out var error);
        Assert.True(args is not null, error);
        return args.ToJsonString();
    }

    private static string Error(string name, string[] words, params string[] pairs)
    {
        Assert.Null(CommandArguments.Build(name, words, pairs, out var error));
        return error;
    }

    [Fact]
    public void Positional_words_take_the_names_of_each_known_command()
    {
        Assert.Equal("{}", Json("ping", []));
        Assert.Equal("{}", Json("led-test", []));
        Assert.Equal("""{"alert_id":"01JX0000000000000000000ACK"}""", Json("ack", ["01jx0000000000000000000ack"]));
        Assert.Equal("""{"section":"Uplink"}""", Json("config-get", ["Uplink"]));
        Assert.Equal("""{"key":"Uplink:KeepAliveSeconds","value":30}""", Json("config-set", ["Uplink:KeepAliveSeconds", "30"]));
        Assert.Equal("""{"key":"Uplink:Broker","value":"mqtts://central:8883"}""", Json("config-set", ["Uplink:Broker", "mqtts://central:8883"]));
        Assert.Equal("""{"alert_id":"01JX0000000000000000000ACK","offset":32768}""", Json("evidence-get", ["01JX0000000000000000000ACK", "32768"]));
    }

    [Fact]
    public void Pairs_are_typed_numbers_and_booleans_and_raw_json_with_colon_equals()
    {
        Assert.Equal("""{"a":1,"b":true,"c":"x=y","d":"-","e":[1,"two"],"f":"007x"}""",
            Json("future-command", [], "a=1", "b=true", "c=x=y", "d=-", "e:=[1,\"two\"]", "f=007x"));
        Assert.Equal("""{"key":"Status:Title","value":"123"}""", Json("config-set", ["Status:Title"], "value:=\"123\""));
    }

    [Fact]
    public void Mistakes_are_caught_before_anything_is_signed()
    {
        Assert.Equal("too many arguments: ping", Error("ping", ["x"]));
        Assert.Equal("'value' is missing: config-set KEY VALUE", Error("config-set", ["Uplink:Broker"]));
        Assert.Equal("'alert_id' is missing: ack ALERT_ID", Error("ack", []));
        Assert.StartsWith("edgectl knows no positional arguments for 'future-command'", Error("future-command", ["x"]), StringComparison.Ordinal);
        Assert.Equal("--arg 'novalue' is not k=v or k:=JSON", Error("ping", [], "novalue"));
        Assert.Equal("argument 'section' is given twice", Error("config-get", ["Uplink"], "section=Sensor"));
        Assert.StartsWith("--arg e:= is not JSON", Error("ping", [], "e:=[1,"), StringComparison.Ordinal);
        Assert.Equal("'not-a-ulid' is not an alert id (a ULID: 26 letters and digits)", Error("ack", ["not-a-ulid"]));
    }

    [Fact]
    public void A_required_argument_may_come_as_a_pair()
    {
        var args = CommandArguments.Build("ack", [], ["alert_id=01jx0000000000000000000ack"], out _);

        Assert.Equal("01JX0000000000000000000ACK", args!["alert_id"]!.GetValue<string>());
        Assert.IsType<JsonObject>(args);
    }
}

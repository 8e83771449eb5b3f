using System.Text;
using System.Text.Json.Nodes;
using Edge.Uplink.Commands;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;
using Edge.Uplink.Tests.Commands.TestSupport;

namespace Edge.Uplink.Tests.Commands;

/// <summary>Every way a command is refused before its args are looked at: the code and field, and
/// that no action was called.</summary>
public class CommandRefusalTests
{
    private const string Now = "2025-06-01T12:00:00Z";
    private const string AckArgs = """{"alert_id":"01JX0000000000000000000ACK"}""";

    private sealed record Case(string Topic, byte[] Payload, string Code, string? Field);

    private static readonly Dictionary<string, Func<CommandFixture, Case>> Cases = new()
    {
        ["bare body without envelope"] = f => new("ack", Utf8(Body()), CommandErrorCodes.Unsigned, "sig"),
        ["envelope without sig"] = f => new("ack", Utf8($$"""{"v":1,"key":"team-1","body":"{{B64(Body())}}"}"""), CommandErrorCodes.Unsigned, "sig"),
        ["empty sig"] = f => new("ack", Utf8($$"""{"v":1,"key":"team-1","body":"{{B64(Body())}}","sig":""}"""), CommandErrorCodes.Unsigned, "sig"),
        ["null sig"] = f => new("ack", Utf8($$"""{"v":1,"key":"team-1","body":"{{B64(Body())}}","sig":null}"""), CommandErrorCodes.Unsigned, "sig"),
        ["signed by another key"] = f => new("ack", new CommandSigner("team-1", CommandFixture.OtherPrivateKey).SignBody(Utf8(Body())), CommandErrorCodes.BadSignature, "sig"),
        ["signature of the wrong length"] = f => new("ack", Envelope("team-1", Body(), new byte[63]), CommandErrorCodes.BadSignature, "sig"),
        ["signature all zero"] = f => new("ack", Envelope("team-1", Body(), new byte[64]), CommandErrorCodes.BadSignature, "sig"),
        ["signature not base64"] = f => new("ack", Utf8($$"""{"v":1,"key":"team-1","body":"{{B64(Body())}}","sig":"%%%"}"""), CommandErrorCodes.Malformed, "sig"),
        ["signature not a string"] = f => new("ack", Utf8($$"""{"v":1,"key":"team-1","body":"{{B64(Body())}}","sig":7}"""), CommandErrorCodes.Malformed, "sig"),
        ["unknown key"] = f => new("ack", new CommandSigner("team-9", CommandFixture.TeamPrivateKey).SignBody(Utf8(Body())), CommandErrorCodes.UnknownKey, "key"),
        ["missing key"] = f => new("ack", Utf8($$"""{"v":1,"body":"{{B64(Body())}}","sig":"{{B64("x")}}"}"""), CommandErrorCodes.Malformed, "key"),
        ["tampered body"] = f => new("ack", Tampered(f), CommandErrorCodes.BadSignature, "sig"),
        ["envelope version 2"] = f => new("ack", Reversioned(f, "2"), CommandErrorCodes.Malformed, "v"),
        ["envelope version missing"] = f => new("ack", Reversioned(f, null), CommandErrorCodes.Malformed, "v"),
        ["envelope field unknown"] = f => new("ack", Utf8($$"""{"v":1,"key":"team-1","body":"{{B64(Body())}}","sig":"{{B64("x")}}","alg":"none"}"""), CommandErrorCodes.Malformed, "alg"),
        ["body not base64"] = f => new("ack", Utf8($$"""{"v":1,"key":"team-1","body":"{not base64}","sig":"{{B64("x")}}"}"""), CommandErrorCodes.Malformed, "body"),
        ["ts older than the window"] = f => new("ack", Signed(f, Body(ts: "2025-06-01T11:54:59Z")), CommandErrorCodes.Expired, "ts"),
        ["ts too far ahead"] = f => new("ack", Signed(f, Body(ts: "2025-06-01T12:01:01Z")), CommandErrorCodes.ClockSkew, "ts"),
        ["expires passed"] = f => new("ack", Signed(f, Body(extra: ""","expires":"2025-06-01T11:59:59Z" """)), CommandErrorCodes.Expired, "expires"),
        ["for another sensor"] = f => new("ack", Signed(f, Body(sensor: "sensor-2")), CommandErrorCodes.WrongTarget, "sensor"),
        ["for another agency"] = f => new("ack", Signed(f, Body(agency: "agency-b")), CommandErrorCodes.WrongTarget, "agency"),
        ["name differs from the topic"] = f => new("led-test", Signed(f, Body()), CommandErrorCodes.WrongTarget, "name"),
        ["topic name not a name"] = f => new("ACK/../x", Signed(f, Body()), CommandErrorCodes.WrongTarget, "name"),
        ["unknown command"] = f => new("reboot", Signed(f, Body(name: "reboot")), CommandErrorCodes.UnknownCommand, "name"),
        ["payload not JSON"] = f => new("ack", Utf8("{not json"), CommandErrorCodes.Malformed, null),
        ["payload empty"] = f => new("ack", [], CommandErrorCodes.Malformed, null),
        ["payload binary"] = f => new("ack", [0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0xc3, 0x28], CommandErrorCodes.Malformed, null),
        ["payload UTF-16"] = f => new("ack", Encoding.Unicode.GetBytes("{\"v\":1}"), CommandErrorCodes.Malformed, null),
        ["payload a JSON array"] = f => new("ack", Utf8("[1,2,3]"), CommandErrorCodes.Malformed, null),
        ["payload nested too deep"] = f => new("ack", Utf8("{\"v\":" + new string('[', 100) + new string(']', 100) + "}"), CommandErrorCodes.Malformed, null),
        ["payload with comments"] = f => new("ack", Utf8("/* hi */ {\"v\":1}"), CommandErrorCodes.Malformed, null),
        ["payload duplicate fields"] = f => new("ack", Utf8($$"""{"v":1,"key":"team-1","key":"team-9","body":"{{B64(Body())}}","sig":"{{B64("x")}}"}"""), CommandErrorCodes.Malformed, null),
        ["payload over 64 KiB"] = f => new("ack", new byte[64 * 1024 + 1], CommandErrorCodes.TooLarge, null),
        ["signed command over 64 KiB"] = f => new("ack", Signed(f, Body(args: $$"""{"alert_id":"{{new string('A', 70_000)}}"}""")), CommandErrorCodes.TooLarge, null),
        ["signed body not JSON"] = f => new("ack", Signed(f, "ack me"), CommandErrorCodes.Malformed, "body"),
        ["signed body binary"] = f => new("ack", f.Signer.SignBody([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), CommandErrorCodes.Malformed, "body"),
        ["signed body a string"] = f => new("ack", Signed(f, "\"ack\""), CommandErrorCodes.Malformed, "body"),
        ["signed body duplicate name"] = f => new("ack", Signed(f, Body().Replace("\"name\":\"ack\"", "\"name\":\"ack\",\"name\":\"led-test\"", StringComparison.Ordinal)), CommandErrorCodes.Malformed, "body"),
        ["signed body unknown field"] = f => new("ack", Signed(f, Body(extra: ",\"sudo\":true")), CommandErrorCodes.Malformed, "sudo"),
        ["signed body without id"] = f => new("ack", Signed(f, Body().Replace("\"id\":\"c-1\",", "", StringComparison.Ordinal)), CommandErrorCodes.Malformed, "id"),
        ["signed body id with a newline"] = f => new("ack", Signed(f, Body(id: "c-1\\n")), CommandErrorCodes.Malformed, "id"),
        ["signed body id a number"] = f => new("ack", Signed(f, Body().Replace("\"c-1\"", "1", StringComparison.Ordinal)), CommandErrorCodes.Malformed, "id"),
        ["signed body without ts"] = f => new("ack", Signed(f, Body().Replace($"\"ts\":\"{Now}\",", "", StringComparison.Ordinal)), CommandErrorCodes.Malformed, "ts"),
        ["signed body ts not ISO 8601"] = f => new("ack", Signed(f, Body(ts: "June 1st 2025")), CommandErrorCodes.Malformed, "ts"),
        ["signed body ts not UTC"] = f => new("ack", Signed(f, Body(ts: "2025-06-01T14:00:00+02:00")), CommandErrorCodes.Malformed, "ts"),
        ["signed body expires not a time"] = f => new("ack", Signed(f, Body(extra: ",\"expires\":5")), CommandErrorCodes.Malformed, "expires"),
        ["signed body sensor not an id"] = f => new("ack", Signed(f, Body(sensor: "Sensor 1")), CommandErrorCodes.Malformed, "sensor"),
        ["signed body without agency"] = f => new("ack", Signed(f, Body().Replace("\"agency\":\"agency-a\",", "", StringComparison.Ordinal)), CommandErrorCodes.Malformed, "agency"),
        // Found by CommandFuzzTests: strings that parse but cannot be read as text.
        ["signed body with invalid UTF-8 in a string"] = f => new("ack", f.Signer.SignBody(Utf8Bad(Body())), CommandErrorCodes.Malformed, "body"),
        ["signed body with an escaped lone surrogate"] = f => new("ack", Signed(f, Body(sensor: "sensor-1\\ud800")), CommandErrorCodes.Malformed, "body"),
        ["signed args with an escaped lone surrogate"] = f => new("ack", Signed(f, Body(args: "{\"alert_id\":\"\\udc00\"}")), CommandErrorCodes.Malformed, "body"),
        ["envelope field name with an escaped lone surrogate"] = f => new("ack", Utf8("{\"v\":1,\"k\\ud800ey\":\"team-1\",\"sig\":\"AA==\"}"), CommandErrorCodes.Malformed, null),
        ["signed body field name with an escaped lone surrogate"] = f => new("ack", Signed(f, Body(args: "{\"li\\udfffst\":1}")), CommandErrorCodes.Malformed, "body"),
        ["unsigned body with invalid UTF-8"] = f => new("ack", Envelope("team-1", Utf8Bad(Body()), new byte[64]), CommandErrorCodes.BadSignature, "sig"),
        ["signed body args an array"] = f => new("ack", Signed(f, Body(args: "[1]")), CommandErrorCodes.Malformed, "args"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Is_refused_with_its_code_and_field_and_changes_nothing(string name)
    {
        using var f = new CommandFixture();
        var c = Cases[name](f);

        var result = await f.SendRawAsync(c.Topic, c.Payload);

        ResultAssert.Refused(result, c.Code, c.Field);
        Assert.Equal(0, f.Actions.Calls);
        Assert.Equal(CommandResult.SchemaName, CommandFixture.Published(result).GetProperty("schema").GetString());
    }

    [Fact]
    public async Task A_replayed_command_is_refused_and_does_nothing_again()
    {
        using var f = new CommandFixture();
        var payload = f.Signer.Sign(f.Request(CommandNames.Ack, new JsonObject { ["alert_id"] = RecordingSensorActions.KnownAlert }));
        ResultAssert.Ok(await f.SendRawAsync("ack", payload));

        f.Time.Advance(TimeSpan.FromMinutes(4));
        var again = await f.SendRawAsync("ack", payload);

        ResultAssert.Refused(again, CommandErrorCodes.Replayed, "id");
        Assert.Single(f.Actions.Acked);
    }

    [Fact]
    public async Task A_new_command_reusing_an_id_is_refused()
    {
        using var f = new CommandFixture();
        var first = f.Request(CommandNames.LedTest);
        ResultAssert.Ok(await f.SendAsync(first));

        f.Time.Advance(TimeSpan.FromSeconds(30));
        var result = await f.SendAsync(first with { Ts = f.Time.GetUtcNow() });

        ResultAssert.Refused(result, CommandErrorCodes.Replayed, "id");
        Assert.Equal(1, f.Actions.LedTests);
    }

    [Fact]
    public async Task A_replay_after_the_window_is_refused_by_its_time()
    {
        using var f = new CommandFixture();
        var payload = f.Signer.Sign(f.Request(CommandNames.LedTest));
        ResultAssert.Ok(await f.SendRawAsync("led-test", payload));

        f.Time.Advance(TimeSpan.FromMinutes(7));

        ResultAssert.Refused(await f.SendRawAsync("led-test", payload), CommandErrorCodes.Expired, "ts");
        Assert.Equal(1, f.Actions.LedTests);
    }

    [Fact]
    public async Task A_refused_command_does_not_use_up_its_id()
    {
        using var f = new CommandFixture();
        var request = f.Request(CommandNames.LedTest) with { Sensor = "sensor-2" };
        ResultAssert.Refused(await f.SendAsync(request), CommandErrorCodes.WrongTarget, "sensor");

        ResultAssert.Ok(await f.SendAsync(request with { Sensor = CommandFixture.Sensor }));
    }

    [Fact]
    public async Task The_refusal_carries_the_command_id_when_the_body_can_be_read()
    {
        using var f = new CommandFixture();

        var tampered = await f.SendRawAsync("ack", Tampered(f));
        var unreadable = await f.SendRawAsync("ack", Utf8("{not json"));

        Assert.Equal("c-1", tampered.Id);
        Assert.Equal("ack", tampered.Name);
        Assert.Null(unreadable.Id);
        var json = CommandFixture.Published(unreadable);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("id").ValueKind);
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.Equal("malformed", json.GetProperty("error").GetProperty("code").GetString());
    }

    private static string Body(string name = "ack", string agency = "agency-a", string sensor = "sensor-1", string ts = Now,
        string id = "c-1", string args = AckArgs, string extra = "") =>
        $$"""{"id":"{{id}}","name":"{{name}}","agency":"{{agency}}","sensor":"{{sensor}}","ts":"{{ts}}","args":{{args}}{{extra}}}""";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string B64(string text) => Convert.ToBase64String(Utf8(text));

    private static byte[] Signed(CommandFixture f, string body) => f.Signer.SignBody(Utf8(body));

    private static byte[] Envelope(string keyId, string body, byte[] sig) => Envelope(keyId, Utf8(body), sig);

    private static byte[] Envelope(string keyId, byte[] body, byte[] sig) => new CommandEnvelope(keyId, body, sig).ToUtf8Json();

    /// <summary>The body with the first letter of the sensor id replaced by a byte that is not UTF-8.</summary>
    private static byte[] Utf8Bad(string body)
    {
        var bytes = Utf8(body);
        bytes[body.IndexOf("sensor-1", StringComparison.Ordinal)] = 0xf9;
        return bytes;
    }

    private static byte[] Tampered(CommandFixture f)
    {
        var envelope = f.Signer.Envelope(Utf8(Body()));
        var body = Utf8(Body().Replace("ACK", "ACM", StringComparison.Ordinal));
        return (envelope with { Body = body }).ToUtf8Json();
    }

    private static byte[] Reversioned(CommandFixture f, string? version)
    {
        var node = JsonNode.Parse(Signed(f, Body()))!.AsObject();
        node.Remove("v");
        if (version is not null)
            node["v"] = JsonValue.Create(int.Parse(version, System.Globalization.CultureInfo.InvariantCulture));
        return Utf8(node.ToJsonString());
    }
}

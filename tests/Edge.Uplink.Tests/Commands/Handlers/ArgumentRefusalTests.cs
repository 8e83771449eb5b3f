using System.Text.Json.Nodes;
using Edge.Uplink.Commands;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Tests.Commands.TestSupport;

namespace Edge.Uplink.Tests.Commands.Handlers;

/// <summary>Missing, unknown and ill-formed args of each command: <c>invalid_argument</c> (or the
/// code given) naming the argument, and nothing changed.</summary>
public class ArgumentRefusalTests
{
    private const string Ulid = RecordingSensorActions.KnownAlert;
    private const string Sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // command, args (JSON), code, field
        { "ping", """{"x":1}""", CommandErrorCodes.InvalidArgument, "args.x" },
        { "led-test", """{"pattern":"all"}""", CommandErrorCodes.InvalidArgument, "args.pattern" },
        { "ack", "{}", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "ack", """{"alert_id":null}""", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "ack", """{"alert_id":42}""", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "ack", """{"alert_id":"01JX0000000000000000000AC"}""", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "ack", """{"alert_id":"01JX0000000000000000000ACKK"}""", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "ack", """{"alert_id":"01JX000000000000000000OACK"}""", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "ack", """{"alert_id":"81JX0000000000000000000ACK"}""", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "ack", """{"alert_id":"01JX0000000000000000000ACK\n"}""", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "ack", """{"alert_id":"01JX0000000000000000000ACK","extra":true}""", CommandErrorCodes.InvalidArgument, "args.extra" },
        { "ack", """{"alert_id":"01JX0000000000000000000ZZZ"}""", CommandErrorCodes.NotFound, "args.alert_id" },
        { "config-get", """{"section":"../etc"}""", CommandErrorCodes.InvalidArgument, "args.section" },
        { "config-get", """{"section":"Nope"}""", CommandErrorCodes.NotFound, "args.section" },
        { "config-set", """{"value":"x"}""", CommandErrorCodes.InvalidArgument, "args.key" },
        { "config-set", """{"key":"Broker","value":"x"}""", CommandErrorCodes.InvalidArgument, "args.key" },
        { "config-set", """{"key":"Uplink:Broker:"}""", CommandErrorCodes.InvalidArgument, "args.key" },
        { "config-set", """{"key":"Uplink:Bro ker","value":"x"}""", CommandErrorCodes.InvalidArgument, "args.key" },
        { "config-set", """{"key":"Uplink:Broker"}""", CommandErrorCodes.InvalidArgument, "args.value" },
        { "config-set", """{"key":"Uplink:Broker","value":{"a":1}}""", CommandErrorCodes.InvalidArgument, "args.value" },
        { "config-set", """{"key":"Uplink:Broker","value":[1]}""", CommandErrorCodes.InvalidArgument, "args.value" },
        { "config-set", """{"key":"Uplink:Nope","value":"x"}""", CommandErrorCodes.InvalidArgument, "args.key" },
        { "config-set", """{"key":"Uplink:Broker","value":"http://x"}""", CommandErrorCodes.InvalidArgument, "args.value" },
        { "evidence-get", "{}", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "evidence-get", """{"alert_id":"nope"}""", CommandErrorCodes.InvalidArgument, "args.alert_id" },
        { "evidence-get", """{"alert_id":"01JX0000000000000000000ZZZ"}""", CommandErrorCodes.NotFound, "args.alert_id" },
        { "evidence-get", $$"""{"alert_id":"{{Ulid}}","offset":-1}""", CommandErrorCodes.InvalidArgument, "args.offset" },
        { "evidence-get", $$"""{"alert_id":"{{Ulid}}","offset":1.5}""", CommandErrorCodes.InvalidArgument, "args.offset" },
        { "evidence-get", $$"""{"alert_id":"{{Ulid}}","offset":"0"}""", CommandErrorCodes.InvalidArgument, "args.offset" },
        { "evidence-get", $$"""{"alert_id":"{{Ulid}}","offset":101}""", CommandErrorCodes.InvalidArgument, "args.offset" },
        { "evidence-get", $$"""{"alert_id":"{{Ulid}}","length":0}""", CommandErrorCodes.InvalidArgument, "args.length" },
        { "evidence-get", $$"""{"alert_id":"{{Ulid}}","length":32769}""", CommandErrorCodes.InvalidArgument, "args.length" },
        { "intel-update", $$"""{"sha256":"{{Sha}}","data":""}""", CommandErrorCodes.InvalidArgument, "args.list" },
        { "intel-update", $$"""{"list":"../../etc/passwd","sha256":"{{Sha}}","data":""}""", CommandErrorCodes.InvalidArgument, "args.list" },
        { "intel-update", $$"""{"list":"a/b.txt","sha256":"{{Sha}}","data":""}""", CommandErrorCodes.InvalidArgument, "args.list" },
        { "intel-update", $$"""{"list":".hidden","sha256":"{{Sha}}","data":""}""", CommandErrorCodes.InvalidArgument, "args.list" },
        { "intel-update", """{"list":"l.txt","data":""}""", CommandErrorCodes.InvalidArgument, "args.sha256" },
        { "intel-update", """{"list":"l.txt","sha256":"abc","data":""}""", CommandErrorCodes.InvalidArgument, "args.sha256" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}"}""", CommandErrorCodes.InvalidArgument, "args.data" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"not base64!"}""", CommandErrorCodes.InvalidArgument, "args.data" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","category":"Bad Cat"}""", CommandErrorCodes.InvalidArgument, "args.category" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","format":"x"}""", CommandErrorCodes.InvalidArgument, "args.format" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","index":0}""", CommandErrorCodes.InvalidArgument, "args.transfer" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"YQ=="}""", CommandErrorCodes.ChecksumMismatch, "args.sha256" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","transfer":"t1","index":0,"count":1}""", CommandErrorCodes.InvalidArgument, "args.size" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","transfer":"t1","size":1,"index":0}""", CommandErrorCodes.InvalidArgument, "args.count" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","transfer":"t1","size":1,"count":1}""", CommandErrorCodes.InvalidArgument, "args.index" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","transfer":"t 1","size":1,"index":0,"count":1}""", CommandErrorCodes.InvalidArgument, "args.transfer" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","transfer":"t1","size":1,"index":2,"count":2}""", CommandErrorCodes.InvalidArgument, "args.index" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","transfer":"t1","size":0,"index":0,"count":1}""", CommandErrorCodes.InvalidArgument, "args.size" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","transfer":"t1","size":1,"index":0,"count":0}""", CommandErrorCodes.InvalidArgument, "args.count" },
        { "intel-update", $$"""{"list":"l.txt","sha256":"{{Sha}}","data":"","transfer":"t1","size":99999999999,"index":0,"count":1}""", CommandErrorCodes.TooLarge, "args.size" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_refused_naming_the_argument(string command, string args, string code, string field)
    {
        using var f = new CommandFixture();
        f.Actions.Evidence[Ulid] = new byte[100];

        var result = await f.RunAsync(command, JsonNode.Parse(args)!.AsObject());

        ResultAssert.Refused(result, code, field);
        Assert.Equal(0, f.Actions.Changes);
        Assert.Empty(f.Actions.Intel);
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }

    [Fact]
    public async Task A_list_the_service_refuses_is_an_invalid_argument_and_nothing_is_kept()
    {
        using var f = new CommandFixture();
        f.Actions.IntelOutcome = Edge.Uplink.Commands.Actions.IntelApplyOutcome.Refused("line 1: not a domain");
        var list = "not a domain\n"u8.ToArray();

        var result = await f.RunAsync(CommandNames.IntelUpdate, new JsonObject
        {
            ["list"] = "l.txt",
            ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(list)),
            ["data"] = Convert.ToBase64String(list),
        });

        ResultAssert.Refused(result, CommandErrorCodes.InvalidArgument, "args.data");
        Assert.Contains("line 1", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Edge.Uplink.Commands;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;
using Edge.Uplink.Tests.Commands.TestSupport;

namespace Edge.Uplink.Tests.Commands;

/// <summary>Mutated real commands, seeded: the processor never throws, always gives a result that
/// serialises with a known code, and a refused command never changes anything.</summary>
public class CommandFuzzTests
{
    private static readonly string[] KnownCodes =
    [
        CommandErrorCodes.Unsigned, CommandErrorCodes.BadSignature, CommandErrorCodes.UnknownKey, CommandErrorCodes.Expired,
        CommandErrorCodes.ClockSkew, CommandErrorCodes.Replayed, CommandErrorCodes.RateLimited, CommandErrorCodes.Malformed,
        CommandErrorCodes.WrongTarget, CommandErrorCodes.UnknownCommand, CommandErrorCodes.InvalidArgument, CommandErrorCodes.TooLarge,
        CommandErrorCodes.ChecksumMismatch, CommandErrorCodes.NotFound,
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Mutated_envelopes_never_throw_and_never_act(int seed)
    {
        using var f = new CommandFixture();
        var random = new Random(seed);
        var originals = Seeds(f).Select(r => (r.Name, Payload: f.Signer.Sign(r))).ToList();

        for (var i = 0; i < 5_000; i++)
        {
            var (name, payload) = originals[random.Next(originals.Count)];
            var mutated = Mutate(random, payload);
            var changes = f.Actions.Changes;

            var result = await f.SendRawAsync(random.Next(8) == 0 ? "x" + name : name, mutated);

            Check(result, f, changes, mutated);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Mutated_bodies_signed_again_never_throw_and_act_only_when_taken(int seed)
    {
        using var f = new CommandFixture();
        f.Actions.Evidence[RecordingSensorActions.KnownAlert] = new byte[3000];
        var random = new Random(seed);
        var originals = Seeds(f).ToList();

        for (var i = 0; i < 5_000; i++)
        {
            var request = originals[random.Next(originals.Count)] with { Id = $"fuzz-{seed}-{i}" };
            var body = Mutate(random, request.ToUtf8Json());
            var changes = f.Actions.Changes;

            var result = await f.SendRawAsync(request.Name, f.Signer.SignBody(body));

            Check(result, f, changes, body);
        }
    }

    private static void Check(CommandResult result, CommandFixture f, int changesBefore, byte[] input)
    {
        var context = Convert.ToBase64String(input);
        Assert.NotNull(result);
        var json = CommandFixture.Published(result);
        Assert.Equal(CommandResult.SchemaName, json.GetProperty("schema").GetString());
        if (result.Ok)
            return;
        Assert.True(result.Error is not null && KnownCodes.Contains(result.Error.Code), $"{result.Error?.Code}: {result.Error?.Message} for {context}");
        Assert.True(f.Actions.Changes == changesBefore, $"refused ({result.Error?.Code}) but acted, for {context}");
    }

    private static IEnumerable<CommandRequest> Seeds(CommandFixture f)
    {
        var list = Encoding.UTF8.GetBytes("bad.example\n");
        yield return f.Request(CommandNames.Ping);
        yield return f.Request(CommandNames.LedTest);
        yield return f.Request(CommandNames.Ack, new JsonObject { ["alert_id"] = RecordingSensorActions.KnownAlert });
        yield return f.Request(CommandNames.ConfigGet, new JsonObject { ["section"] = "Uplink" });
        yield return f.Request(CommandNames.ConfigSet, new JsonObject { ["key"] = "Uplink:Broker", ["value"] = "mqtt://b:1883" });
        yield return f.Request(CommandNames.EvidenceGet, new JsonObject { ["alert_id"] = RecordingSensorActions.KnownAlert, ["offset"] = 1000, ["length"] = 500 });
        yield return f.Request(CommandNames.IntelUpdate, new JsonObject
        {
            ["list"] = "l.txt", ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(list)), ["data"] = Convert.ToBase64String(list),
        });
        yield return f.Request(CommandNames.IntelUpdate, new JsonObject
        {
            ["list"] = "l.txt", ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(list)),
            ["transfer"] = "t1", ["size"] = list.Length, ["index"] = 0, ["count"] = 1, ["data"] = Convert.ToBase64String(list),
        });
    }

    private static readonly string[] Tokens = ["{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e999", "\\u0000", "\\ud800", "\\udfff", "\\", "\"args\":", "\"id\":", "9223372036854775808", "\u00e9", "\ud83d\ude00"];

    private static byte[] Mutate(Random random, byte[] input)
    {
        var bytes = new List<byte>(input);
        var rounds = 1 + random.Next(4);
        for (var r = 0; r < rounds; r++)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(16)));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 4 when bytes.Count > 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 5 when bytes.Count > 1:
                    var from = random.Next(bytes.Count);
                    var length = Math.Min(bytes.Count - from, 1 + random.Next(32));
                    bytes.InsertRange(at, bytes.GetRange(from, length));
                    break;
                default:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
            }
        }
        return [.. bytes];
    }
}

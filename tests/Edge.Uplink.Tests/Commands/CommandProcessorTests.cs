using System.Security.Cryptography;
using System.Text;
using Edge.Uplink.Commands;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Tests.Commands.TestSupport;

namespace Edge.Uplink.Tests.Commands;

public class CommandProcessorTests
{
    [Fact]
    public async Task Ping_answers_with_the_sensor()
    {
        using var f = new CommandFixture();
        var request = f.Request(CommandNames.Ping);

        var result = await f.SendAsync(request);

        ResultAssert.Ok(result);
        var json = CommandFixture.Published(result);
        Assert.Equal("edge.cmd-result/1", json.GetProperty("schema").GetString());
        Assert.Equal(request.Id, json.GetProperty("id").GetString());
        Assert.Equal("ping", json.GetProperty("name").GetString());
        Assert.Equal("sensor-1", json.GetProperty("result").GetProperty("sensor").GetString());
        Assert.Equal("agency-a", json.GetProperty("result").GetProperty("agency").GetString());
        Assert.Equal("2025-06-01T12:00:00.000Z", json.GetProperty("ts").GetString());
        Assert.Equal(0, f.Actions.Calls);
    }

    [Fact]
    public async Task Ack_marks_a_known_alert()
    {
        using var f = new CommandFixture();

        var result = await f.RunAsync(CommandNames.Ack, new() { ["alert_id"] = RecordingSensorActions.KnownAlert.ToLowerInvariant() });

        ResultAssert.Ok(result);
        Assert.Equal([RecordingSensorActions.KnownAlert], f.Actions.Acked);
        Assert.Equal(RecordingSensorActions.KnownAlert, CommandFixture.Published(result).GetProperty("result").GetProperty("alert_id").GetString());
    }

    [Fact]
    public async Task Led_test_runs_the_pattern()
    {
        using var f = new CommandFixture();

        var result = await f.RunAsync(CommandNames.LedTest, null);

        ResultAssert.Ok(result);
        Assert.Equal(1, f.Actions.LedTests);
        Assert.False(CommandFixture.Published(result).TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Intel_update_in_one_payload_is_verified_then_applied()
    {
        using var f = new CommandFixture();
        var list = Encoding.UTF8.GetBytes("bad.example\nworse.example\n");

        var result = await f.RunAsync(CommandNames.IntelUpdate, new()
        {
            ["list"] = "agency-phishing.txt",
            ["category"] = "phishing",
            ["sha256"] = Convert.ToHexString(SHA256.HashData(list)),
            ["data"] = Convert.ToBase64String(list),
        });

        ResultAssert.Ok(result);
        var (update, text) = Assert.Single(f.Actions.Intel);
        Assert.Equal(("agency-phishing.txt", "phishing", list.Length), (update.List, update.Category, update.Size));
        Assert.Equal("bad.example\nworse.example\n", text);
        var json = CommandFixture.Published(result).GetProperty("result");
        Assert.Equal(2, json.GetProperty("entries").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(list)), json.GetProperty("sha256").GetString());
        Assert.False(File.Exists(update.Path));
        Assert.Empty(Directory.EnumerateFiles(f.WorkDirectory));
    }

    [Fact]
    public async Task Config_get_gives_a_section_or_all()
    {
        using var f = new CommandFixture();

        var section = await f.RunAsync(CommandNames.ConfigGet, new() { ["section"] = "Uplink" });
        var all = await f.RunAsync(CommandNames.ConfigGet, null);

        ResultAssert.Ok(section);
        ResultAssert.Ok(all);
        var config = CommandFixture.Published(section).GetProperty("result");
        Assert.Equal("Uplink", config.GetProperty("section").GetString());
        Assert.Equal("mqtt://broker:1883", config.GetProperty("config").GetProperty("Uplink:Broker").GetString());
        Assert.False(CommandFixture.Published(all).GetProperty("result").TryGetProperty("section", out _));
    }

    [Fact]
    public async Task Config_set_passes_the_value_to_the_service()
    {
        using var f = new CommandFixture();

        var result = await f.RunAsync(CommandNames.ConfigSet, new() { ["key"] = "Uplink:Broker", ["value"] = "mqtts://central:8883" });

        ResultAssert.Ok(result);
        Assert.Equal("mqtts://central:8883", f.Actions.Config["Uplink:Broker"]);
        Assert.True(CommandFixture.Published(result).GetProperty("result").GetProperty("restart_required").GetBoolean());
    }

    [Fact]
    public async Task Evidence_get_in_chunks_puts_the_file_back_together()
    {
        using var f = new CommandFixture(new CommandOptions { Agency = CommandFixture.Agency, Sensor = CommandFixture.Sensor, MaxEvidenceChunk = 1000 });
        var pcap = new byte[2500];
        new Random(7).NextBytes(pcap);
        f.Actions.Evidence[RecordingSensorActions.KnownAlert] = pcap;

        var received = new List<byte>();
        var chunks = 0;
        while (true)
        {
            var result = await f.RunAsync(CommandNames.EvidenceGet, new() { ["alert_id"] = RecordingSensorActions.KnownAlert, ["offset"] = received.Count });
            ResultAssert.Ok(result);
            var chunk = CommandFixture.Published(result).GetProperty("result");
            Assert.Equal(2500, chunk.GetProperty("total").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pcap)), chunk.GetProperty("sha256").GetString());
            Assert.Equal(received.Count, chunk.GetProperty("offset").GetInt64());
            received.AddRange(chunk.GetProperty("data").GetBytesFromBase64());
            chunks++;
            if (chunk.GetProperty("eof").GetBoolean())
                break;
        }

        Assert.Equal(3, chunks);
        Assert.Equal(pcap, received.ToArray());
    }

    [Fact]
    public async Task A_full_evidence_chunk_result_stays_under_64_KiB()
    {
        using var f = new CommandFixture();
        f.Actions.Evidence[RecordingSensorActions.KnownAlert] = new byte[200_000];

        var result = await f.RunAsync(CommandNames.EvidenceGet, new() { ["alert_id"] = RecordingSensorActions.KnownAlert });

        ResultAssert.Ok(result);
        Assert.Equal(32 * 1024, CommandFixture.Published(result).GetProperty("result").GetProperty("length").GetInt32());
        Assert.InRange(result.ToUtf8Json().Length, 32 * 1024 * 4 / 3, 64 * 1024);
    }

    [Fact]
    public async Task Evidence_chunk_length_can_be_asked_for()
    {
        using var f = new CommandFixture();
        f.Actions.Evidence[RecordingSensorActions.KnownAlert] = new byte[100];

        var result = await f.RunAsync(CommandNames.EvidenceGet, new() { ["alert_id"] = RecordingSensorActions.KnownAlert, ["offset"] = 90, ["length"] = 5 });

        var chunk = CommandFixture.Published(result).GetProperty("result");
        Assert.Equal((5, false), (chunk.GetProperty("length").GetInt32(), chunk.GetProperty("eof").GetBoolean()));
    }

    [Fact]
    public async Task A_command_within_the_window_and_skew_is_taken()
    {
        using var f = new CommandFixture();
        var old = f.Request(CommandNames.Ping) with { Ts = f.Time.GetUtcNow().AddMinutes(-4.9) };
        var ahead = f.Request(CommandNames.Ping) with { Ts = f.Time.GetUtcNow().AddSeconds(50) };
        var expiring = f.Request(CommandNames.Ping) with { Expires = f.Time.GetUtcNow().AddSeconds(1) };

        ResultAssert.Ok(await f.SendAsync(old));
        ResultAssert.Ok(await f.SendAsync(ahead));
        ResultAssert.Ok(await f.SendAsync(expiring));
    }

    [Fact]
    public async Task The_same_id_is_taken_again_once_it_is_out_of_the_window()
    {
        using var f = new CommandFixture();
        var request = f.Request(CommandNames.Ping);
        ResultAssert.Ok(await f.SendAsync(request));

        f.Time.Advance(TimeSpan.FromMinutes(10));
        var resent = request with { Ts = f.Time.GetUtcNow() };

        ResultAssert.Ok(await f.SendAsync(resent));
    }

    [Fact]
    public async Task An_action_that_throws_gives_failed_with_the_command_id_and_the_next_command_runs()
    {
        using var f = new CommandFixture();
        f.Actions.LedFault = new IOException("gpiochip0 busy");
        var request = f.Request(CommandNames.LedTest);

        var result = await f.SendAsync(request);

        ResultAssert.Refused(result, CommandErrorCodes.Failed, null);
        Assert.Equal(request.Id, result.Id);
        Assert.Contains("gpiochip0 busy", result.Error!.Message, StringComparison.Ordinal);
        ResultAssert.Ok(await f.RunAsync(CommandNames.Ping, null));
    }

    [Fact]
    public async Task Commands_run_one_at_a_time()
    {
        using var f = new CommandFixture();
        var requests = Enumerable.Range(0, 50).Select(_ => f.Request(CommandNames.LedTest)).ToList();

        var results = await Task.WhenAll(requests.Select(r => Task.Run(() => f.SendAsync(r))));

        Assert.All(results, ResultAssert.Ok);
        Assert.Equal(50, f.Actions.LedTests);
    }
}

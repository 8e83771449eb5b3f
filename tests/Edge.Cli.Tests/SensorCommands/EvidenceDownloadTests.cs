using System.Security.Cryptography;
using System.Text;
using Edge.Cli.SensorCommands;

namespace Edge.Cli.Tests.SensorCommands;

public sealed class EvidenceDownloadTests : IDisposable
{
    private const string AlertId = "01JX0000000000000000000ACK";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("edge-evidence-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static CommandAnswer Chunk(byte[] data, long offset, long total, string sha256, bool eof)
    {
        var json = $$"""{"schema":"edge.cmd-result/1","id":"c","name":"evidence-get","ok":true,"result":{"alert_id":"{{AlertId}}","offset":{{offset}},"length":{{data.Length}},"total":{{total}},"sha256":"{{sha256}}","data":"{{Convert.ToBase64String(data)}}","eof":{{(eof ? "true" : "false")}}},"ts":"2026-06-01T12:00:00.000Z"}""";
        var payload = Encoding.UTF8.GetBytes(json);
        Assert.True(CommandExchange.TryRead(payload, out var result));
        return new CommandAnswer(result, payload);
    }

    [Fact]
    public void Each_answer_asks_for_the_next_offset_until_eof()
    {
        var file = Path.Combine(_folder.FullName, "e.pcap");
        var data = RandomNumberGenerator.GetBytes(10);
        var sha = Convert.ToHexStringLower(SHA256.HashData(data));
        using var download = new EvidenceDownload(AlertId, file);

        Assert.Equal("0", download.Next(null)!["offset"]!.ToJsonString());
        Assert.Equal("6", download.Next(Chunk(data[..6], 0, 10, sha, false))!["offset"]!.ToJsonString());
        Assert.Null(download.Next(Chunk(data[6..], 6, 10, sha, true)));
        var result = download.Finish()!;

        Assert.True(result.Ok, result.Message);
        Assert.Equal(data, File.ReadAllBytes(file));
    }

    [Fact]
    public void Chunks_that_do_not_hash_to_the_announced_sha256_leave_no_file()
    {
        var file = Path.Combine(_folder.FullName, "e.pcap");
        var data = RandomNumberGenerator.GetBytes(10);
        using var download = new EvidenceDownload(AlertId, file);
        download.Next(null);

        download.Next(Chunk(data, 0, 10, new string('0', 64), true));
        var result = download.Finish()!;

        Assert.False(result.Ok);
        Assert.Contains("is not what the sensor announced", result.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".partial"));
    }
}

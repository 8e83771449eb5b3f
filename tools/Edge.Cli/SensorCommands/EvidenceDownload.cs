using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Uplink.Commands;

namespace Edge.Cli.SensorCommands;

/// <summary><c>evidence-get</c> into a file: asks chunk after chunk from the end of the last one
/// until <c>eof</c>, writes them to <c>FILE.partial</c>, and renames it to FILE only when the
/// whole file hashes to the SHA-256 the sensor gave.</summary>
public sealed class EvidenceDownload(string alertId, string path) : ICommandPlan, IDisposable
{
    private readonly string _partial = path + ".partial";
    private FileStream? _file;
    private long _total;
    private string? _sha256;
    private bool _done;

    public string Name => CommandNames.EvidenceGet;

    public JsonObject? Next(CommandAnswer? previous)
    {
        if (previous is null)
        {
            _file = new FileStream(_partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
            return new JsonObject { ["alert_id"] = alertId, ["offset"] = 0 };
        }
        if (previous.Result.Result is not { ValueKind: JsonValueKind.Object } result)
            return Stop();
        var offset = result.GetProperty("offset").GetInt64();
        var data = result.GetProperty("data").GetBytesFromBase64();
        _total = result.GetProperty("total").GetInt64();
        _sha256 = result.GetProperty("sha256").GetString();
        _file!.Position = offset;
        _file.Write(data);
        if (result.GetProperty("eof").GetBoolean() || data.Length == 0)
            return Stop();
        return new JsonObject { ["alert_id"] = alertId, ["offset"] = offset + data.Length };
    }

    public PlanResult? Finish()
    {
        if (_file is null || !_done)
            return new PlanResult(false, "the sensor's answer had no evidence chunk");
        _file.Position = 0;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(_file));
        var length = _file.Length;
        _file.Dispose();
        _file = null;
        if (length != _total || !string.Equals(sha256, _sha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(_partial);
            return new PlanResult(false, $"the evidence put together ({length} bytes, sha256 {sha256}) is not what the sensor announced ({_total} bytes, sha256 {_sha256}); nothing written");
        }
        File.Move(_partial, path, overwrite: true);
        return new PlanResult(true, $"evidence of {alertId}: {length} bytes, sha256 {sha256}, written to {path}");
    }

    public void Dispose()
    {
        if (_file is null)
            return;
        _file.Dispose();
        _file = null;
        File.Delete(_partial);
    }

    private JsonObject? Stop()
    {
        _done = true;
        return null;
    }
}

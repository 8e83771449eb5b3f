using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Edge.Uplink.Commands;

namespace Edge.Cli.SensorCommands;

/// <summary><c>intel-update</c> from a list file: whole in one command up to <see cref="ChunkBytes"/>,
/// else in chunks of that size under one transfer id, in order, each answered before the next goes
/// (Edge.Uplink's README, "The commands"). The last answer is the list swapped in.</summary>
public sealed partial class IntelUpload : ICommandPlan
{
    /// <summary>32 KiB: base64 in the body, base64 again in the envelope, stays under the 64 KiB payload limit.</summary>
    public const int ChunkBytes = 32 * 1024;

    private readonly byte[] _data;
    private readonly string _list;
    private readonly string? _category;
    private readonly string _sha256;
    private readonly string _transfer;
    private int _next;

    private IntelUpload(byte[] data, string list, string? category, string transfer)
    {
        _data = data;
        _list = list;
        _category = category;
        _sha256 = Convert.ToHexStringLower(SHA256.HashData(data));
        _transfer = transfer;
    }

    public string Name => CommandNames.IntelUpdate;

    public int Chunks => Math.Max(1, (_data.Length + ChunkBytes - 1) / ChunkBytes);

    /// <summary>The upload, or null with the reason. <paramref name="list"/> defaults to the file's name.</summary>
    public static IntelUpload? Read(string path, string? list, string? category, out string error)
    {
        list ??= Path.GetFileName(path).ToLowerInvariant();
        if (!ListName().IsMatch(list) || list.Contains("..", StringComparison.Ordinal))
            return Fail(out error, $"list name '{list}' must be a-z, 0-9, '.', '_' and '-' (give it with --arg list=NAME)");
        if (category is not null && !Category().IsMatch(category))
            return Fail(out error, $"category '{category}' must be 1 to 32 of a-z, 0-9 and '-'");
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(out error, $"{path}: {e.Message}");
        }
        if (data.Length == 0)
            return Fail(out error, $"{path} is empty");
        error = "";
        var transfer = $"edgectl-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        return new IntelUpload(data, list, category, transfer);
    }

    public JsonObject? Next(CommandAnswer? previous)
    {
        if (_next >= Chunks)
            return null;
        var index = _next++;
        var args = new JsonObject { ["list"] = _list };
        if (_category is not null)
            args["category"] = _category;
        args["sha256"] = _sha256;
        if (Chunks == 1)
        {
            args["data"] = Convert.ToBase64String(_data);
            return args;
        }
        var offset = index * ChunkBytes;
        args["transfer"] = _transfer;
        args["size"] = _data.Length;
        args["index"] = index;
        args["count"] = Chunks;
        args["data"] = Convert.ToBase64String(_data, offset, Math.Min(ChunkBytes, _data.Length - offset));
        return args;
    }

    public PlanResult? Finish() => null;

    private static IntelUpload? Fail(out string error, string message)
    {
        error = message;
        return null;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}\z")]
    private static partial Regex ListName();

    [GeneratedRegex(@"^[a-z0-9-]{1,32}\z")]
    private static partial Regex Category();
}

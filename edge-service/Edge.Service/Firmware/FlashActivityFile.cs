using System.Globalization;
using Edge.Flashing.Agent;
using Edge.Hardware.Status;

namespace Edge.Service.Firmware;

/// <summary>How the flash agent (its own process, beside the service) tells the service what to show
/// on the LEDs, which the service owns: one line in the state folder, <c>flash/activity</c>, written by
/// the agent and read by the service's status sampling. A line left behind by an agent that died, or a
/// cable pulled mid-transfer, goes stale and stops showing.</summary>
public sealed class FlashActivityFile(string path, TimeProvider time)
{
    public const string Name = "activity";

    /// <summary>A transfer reports with every frame; silence this long means it stopped.</summary>
    public static readonly TimeSpan ReceivingStaleAfter = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan InstallingStaleAfter = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan RefusalShownFor = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RewriteEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReadEvery = TimeSpan.FromSeconds(1);

    private FlashActivity _written = FlashActivity.Idle;
    private long _writtenAt;
    private long _readAt;
    private (FlashPhase Phase, string? Detail) _read;
    private bool _everRead;

    public static string In(string stateRoot) => Path.Combine(stateRoot, "flash", Name);

    /// <summary>The agent's side: writes on every change, and while receiving at most every 2 s.</summary>
    public void Write(FlashActivity activity, string? message)
    {
        if (activity == _written && (activity != FlashActivity.Receiving || time.GetElapsedTime(_writtenAt) < RewriteEvery))
            return;
        _written = activity;
        _writtenAt = time.GetTimestamp();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{activity.ToString().ToLowerInvariant()}\t{time.GetUtcNow().ToUnixTimeMilliseconds()}\t{OneLine(message)}\n");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, line);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The LEDs are a courtesy; the flash itself must not fail over them.
        }
    }

    /// <summary>The service's side: what the LEDs should show now (read from disk at most once a second).</summary>
    public (FlashPhase Phase, string? Detail) Read()
    {
        if (_everRead && time.GetElapsedTime(_readAt) < ReadEvery)
            return _read;
        _everRead = true;
        _readAt = time.GetTimestamp();
        _read = Parse(ReadLine(), time.GetUtcNow());
        return _read;
    }

    public static (FlashPhase Phase, string? Detail) Parse(string? line, DateTimeOffset now)
    {
        var fields = line?.TrimEnd('\n').Split('\t', 3);
        if (fields is not { Length: 3 } || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
            return (FlashPhase.None, null);
        var age = now - DateTimeOffset.FromUnixTimeMilliseconds(millis);
        return fields[0] switch
        {
            "receiving" when age < ReceivingStaleAfter => (FlashPhase.Receiving, null),
            "installing" when age < InstallingStaleAfter => (FlashPhase.Installing, null),
            "refused" when age < RefusalShownFor => (FlashPhase.Refused, fields[2].Length == 0 ? null : fields[2]),
            _ => (FlashPhase.None, null),
        };
    }

    private string? ReadLine()
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[1024];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string OneLine(string? message) =>
        message is null ? "" : message.Replace('\n', ' ').Replace('\t', ' ').Replace('\r', ' ');
}

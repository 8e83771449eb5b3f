using System.Globalization;

namespace Edge.Uplink.Outbox;

/// <summary>Moves an unusable outbox file aside as <c>{path}.corrupt-{utc time}</c>, its <c>-wal</c>
/// and <c>-shm</c> files with it (SQLite finds them by that name if someone opens the copy).</summary>
internal static class OutboxQuarantine
{
    private static readonly string[] s_companions = ["-wal", "-shm"];

    public static string MoveAside(string path, TimeProvider time)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = $"{path}.corrupt-{stamp}";
        for (var n = 2; Exists(target); n++)
            target = $"{path}.corrupt-{stamp}-{n}";
        if (File.Exists(path))
            File.Move(path, target);
        foreach (var suffix in s_companions)
        {
            if (File.Exists(path + suffix))
                File.Move(path + suffix, target + suffix);
        }
        return target;
    }

    private static bool Exists(string target) =>
        File.Exists(target) || Array.Exists(s_companions, suffix => File.Exists(target + suffix));
}

using System.Globalization;

namespace Edge.Uplink.Commands.Replay;

/// <summary>Seen command ids that survive a restart: the in-memory store plus a journal file, one line
/// "id forget-after-unix-ms" per command taken, flushed to disk before the command runs (commands are
/// rare; a replay after a power cut must still be refused). At start the journal is read back without
/// the ids whose time is up and written again compact.</summary>
public sealed class JournaledSeenCommandStore : ISeenCommandStore
{
    private readonly InMemorySeenCommandStore _memory;
    private readonly string _path;
    private readonly Lock _lock = new();

    public JournaledSeenCommandStore(string path, DateTimeOffset now, int capacity = 16_384)
    {
        _path = path;
        _memory = new InMemorySeenCommandStore(capacity);
        var live = new List<string>();
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var parts = line.Split(' ');
                // A line cut by a crash, or one whose time is up, is left out.
                if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
                    continue;
                var forgetAfter = DateTimeOffset.FromUnixTimeMilliseconds(ms);
                if (forgetAfter > now && _memory.TryRemember(parts[0], forgetAfter, now) == SeenCommand.New)
                    live.Add(line);
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllLines(temporary, live);
        File.Move(temporary, path, overwrite: true);
    }

    public int Count => _memory.Count;

    public SeenCommand TryRemember(string id, DateTimeOffset forgetAfter, DateTimeOffset now)
    {
        lock (_lock)
        {
            var seen = _memory.TryRemember(id, forgetAfter, now);
            if (seen != SeenCommand.New)
                return seen;
            try
            {
                using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
                var line = System.Text.Encoding.ASCII.GetBytes(
                    string.Create(CultureInfo.InvariantCulture, $"{id} {forgetAfter.ToUnixTimeMilliseconds()}\n"));
                stream.Write(line);
                stream.Flush(flushToDisk: true);
                return seen;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not kept on disk: refuse the command (as a full store does) rather than take one
                // that a restart could take again, and forget the id so a retry is not "replayed".
                _memory.Forget(id);
                return SeenCommand.Full;
            }
        }
    }
}

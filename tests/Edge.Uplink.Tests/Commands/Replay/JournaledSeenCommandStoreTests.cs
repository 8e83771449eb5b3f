using Edge.Uplink.Commands.Replay;

namespace Edge.Uplink.Tests.Commands.Replay;

/// <summary>A restart keeps refusing the replay of a command taken before it.</summary>
public sealed class JournaledSeenCommandStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"edge-seen-{Guid.NewGuid():N}", "commands-seen.log");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);

    [Fact]
    public void An_id_taken_before_a_restart_is_still_seen_after_it()
    {
        var before = new JournaledSeenCommandStore(_path, Now);
        Assert.Equal(SeenCommand.New, before.TryRemember("c-1", Now.AddMinutes(5), Now));

        var after = new JournaledSeenCommandStore(_path, Now.AddMinutes(1));

        Assert.Equal(SeenCommand.Seen, after.TryRemember("c-1", Now.AddMinutes(6), Now.AddMinutes(1)));
        Assert.Equal(SeenCommand.New, after.TryRemember("c-2", Now.AddMinutes(6), Now.AddMinutes(1)));
    }

    [Fact]
    public void Ids_whose_time_is_up_are_dropped_from_the_journal_at_start()
    {
        var before = new JournaledSeenCommandStore(_path, Now);
        before.TryRemember("old", Now.AddMinutes(1), Now);
        before.TryRemember("live", Now.AddMinutes(10), Now);

        var after = new JournaledSeenCommandStore(_path, Now.AddMinutes(5));

        Assert.Equal(1, after.Count);
        Assert.Equal(["live"], File.ReadAllLines(_path).Select(line => line.Split(' ')[0]));
    }

    [Fact]
    public void A_line_cut_by_a_crash_is_skipped()
    {
        new JournaledSeenCommandStore(_path, Now).TryRemember("c-1", Now.AddMinutes(5), Now);
        File.AppendAllText(_path, "c-2 17");
        File.AppendAllText(_path, "\ngarbage\n");

        var after = new JournaledSeenCommandStore(_path, Now);

        Assert.Equal(1, after.Count);
        Assert.Equal(SeenCommand.Seen, after.TryRemember("c-1", Now.AddMinutes(5), Now));
    }
}

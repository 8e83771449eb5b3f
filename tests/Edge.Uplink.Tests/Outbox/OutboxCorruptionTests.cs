using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Edge.Uplink.Tests.Outbox;

public sealed class OutboxCorruptionTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 15, 32, 30, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_file_that_is_not_a_database_is_moved_aside_and_a_fresh_outbox_started()
    {
        var path = _folder.File("outbox.db");
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(path, garbage);

        using var outbox = OutboxItems.Open(path, time: new FixedTime(s_now));

        Assert.NotNull(outbox.Recovery);
        Assert.Equal(path + ".corrupt-20261125T153230Z", outbox.Recovery.MovedTo);
        Assert.Equal(garbage, File.ReadAllBytes(outbox.Recovery.MovedTo));
        Assert.True(outbox.Add(OutboxItems.Item("a")).Stored);
        Assert.Equal(["a"], outbox.Read(0, 10).Select(OutboxItems.Name));
    }

    [Fact]
    public void A_damaged_database_is_moved_aside_and_a_second_damage_gets_its_own_name()
    {
        var path = _folder.File("outbox.db");
        var time = new FixedTime(s_now);
        for (var round = 0; round < 2; round++)
        {
            using (var outbox = OutboxItems.Open(path, time: time))
                outbox.AddRange([.. Enumerable.Range(0, 200).Select(i => OutboxItems.Item($"m{i}", padTo: 500))]);
            Damage(path);

            using var reopened = OutboxItems.Open(path, time: time);

            var expected = path + ".corrupt-20261125T153230Z" + (round == 0 ? "" : "-2");
            Assert.Equal(expected, reopened.Recovery?.MovedTo);
            Assert.True(File.Exists(expected));
            Assert.Equal(0, reopened.Stats.Depth);
            Assert.True(reopened.Add(OutboxItems.Item("fresh")).Stored);
        }
    }

    [Fact]
    public void A_database_from_a_newer_build_is_moved_aside_not_misread()
    {
        var path = _folder.File("outbox.db");
        using (var outbox = OutboxItems.Open(path))
            outbox.Add(OutboxItems.Item("a"));
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        using var reopened = OutboxItems.Open(path, time: new FixedTime(s_now));

        Assert.NotNull(reopened.Recovery);
        Assert.Contains("99", reopened.Recovery.Reason, StringComparison.Ordinal);
        Assert.Empty(reopened.Read(0, 10));
    }

    /// <summary>Overwrites the pages after the first two (the messages' b-tree) with garbage.</summary>
    private static void Damage(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = 2 * 4096;
        var junk = new byte[Math.Max(4096, (int)file.Length - (2 * 4096))];
        Array.Fill(junk, (byte)0xA5);
        file.Write(junk);
    }
}

using Edge.Uplink.Commands.Replay;

namespace Edge.Uplink.Tests.Commands.Replay;

public class InMemorySeenCommandStoreTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_id_is_seen_until_its_time_is_up()
    {
        var store = new InMemorySeenCommandStore();
        Assert.Equal(SeenCommand.New, store.TryRemember("a", Now.AddMinutes(5), Now));
        Assert.Equal(SeenCommand.Seen, store.TryRemember("a", Now.AddMinutes(9), Now.AddMinutes(4)));
        Assert.Equal(SeenCommand.New, store.TryRemember("a", Now.AddMinutes(10), Now.AddMinutes(5)));
    }

    [Fact]
    public void When_full_of_live_ids_it_refuses_rather_than_forgets()
    {
        var store = new InMemorySeenCommandStore(capacity: 3);
        foreach (var id in new[] { "a", "b", "c" })
            Assert.Equal(SeenCommand.New, store.TryRemember(id, Now.AddMinutes(5), Now));

        Assert.Equal(SeenCommand.Full, store.TryRemember("d", Now.AddMinutes(5), Now));
        Assert.Equal(SeenCommand.Seen, store.TryRemember("a", Now.AddMinutes(5), Now));
        Assert.Equal(SeenCommand.New, store.TryRemember("d", Now.AddMinutes(11), Now.AddMinutes(6)));
        Assert.Equal(1, store.Count);
    }
}

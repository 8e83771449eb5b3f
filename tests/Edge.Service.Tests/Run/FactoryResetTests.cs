using Edge.Service.Configuration;
using Edge.Service.Run;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.Run;

public sealed class FactoryResetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Forgets_what_was_set_after_provisioning_and_keeps_the_outbox_acknowledgements_and_seen_commands()
    {
        var state = new StatePaths(_folder.Path);
        foreach (var file in new[] { state.Overrides, state.StatusPageHash, state.StatusPagePassword, state.Outbox, state.Acknowledgements, state.SeenCommands })
            File.WriteAllText(file, "x");
        Directory.CreateDirectory(state.ReceivedIntel);
        File.WriteAllText(Path.Combine(state.ReceivedIntel, "feed.phishing.txt"), "bad.example\n");

        var removed = FactoryReset.Restore(state);

        Assert.Equal(["settings-overrides.json", "status-page.json", "status-page-password.txt", "intel/"], removed);
        Assert.False(File.Exists(state.Overrides) || File.Exists(state.StatusPageHash) || File.Exists(state.StatusPagePassword));
        Assert.False(Directory.Exists(state.ReceivedIntel));
        Assert.True(File.Exists(state.Outbox) && File.Exists(state.Acknowledgements) && File.Exists(state.SeenCommands));
        Assert.Empty(FactoryReset.Restore(state));
    }
}

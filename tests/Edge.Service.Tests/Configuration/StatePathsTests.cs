using Edge.Service.Configuration;

namespace Edge.Service.Tests.Configuration;

public class StatePathsTests
{
    [Fact]
    public void A_configured_folder_is_used_made_absolute_with_every_file_inside()
    {
        var paths = StatePaths.Resolve(Path.Combine("relative", "state"));

        Assert.Equal(Path.GetFullPath(Path.Combine("relative", "state")), paths.Root);
        Assert.Equal(Path.Combine(paths.Root, "outbox.db"), paths.Outbox);
        Assert.Equal(Path.Combine(paths.Root, "intel"), paths.ReceivedIntel);
        Assert.Equal(Path.Combine(paths.Root, "settings-overrides.json"), paths.Overrides);
        Assert.Equal(Path.Combine(paths.Root, "commands"), paths.CommandWork);
    }

    // Reads the process environment only: setting STATE_DIRECTORY here would race other tests.
    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Without_a_configured_folder_systemd_then_xdg_then_home_decide(string? configured)
    {
        var expected = Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } systemd
            ? systemd.Split(':')[0]
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"), "edge");

        Assert.Equal(expected, StatePaths.Resolve(configured).Root);
    }
}

namespace Edge.Service.Configuration;

/// <summary>Where the sensor keeps what must outlive a restart or an update (outbox, received intel,
/// remotely set keys): <c>Edge:Sensor:StateDirectory</c>, else <c>$STATE_DIRECTORY</c> (systemd's
/// StateDirectory=), else <c>$XDG_STATE_HOME/edge</c> or <c>~/.local/state/edge</c>.</summary>
public sealed class StatePaths(string root)
{
    public string Root { get; } = root;

    public string Outbox => Path.Combine(Root, "outbox.db");

    public string ReceivedIntel => Path.Combine(Root, "intel");

    public string Overrides => Path.Combine(Root, "settings-overrides.json");

    public string CommandWork => Path.Combine(Root, "commands");

    public string Acknowledgements => Path.Combine(Root, "alerts-open.log");

    /// <summary>Ids of signed commands already taken, so a restart still refuses their replay.</summary>
    public string SeenCommands => Path.Combine(Root, "commands-seen.log");

    /// <summary>The status page's password hash, made at first boot.</summary>
    public string StatusPageHash => Path.Combine(Root, "status-page.json");

    /// <summary>The status page's first-boot password in clear, readable by root only, for agency IT.</summary>
    public string StatusPagePassword => Path.Combine(Root, "status-page-password.txt");

    public static StatePaths Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return new StatePaths(Path.GetFullPath(configured));
        if (Environment.GetEnvironmentVariable("STATE_DIRECTORY") is { Length: > 0 } systemd)
            return new StatePaths(systemd.Split(':')[0]);
        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var home = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return new StatePaths(Path.Combine(home, "edge"));
    }
}

using Edge.Service.Configuration;

namespace Edge.Service.Run;

/// <summary>The button's factory reset: forgets what was changed on this sensor after it was
/// provisioned (keys set remotely, intel received, the status page password) and keeps what must
/// not be lost: the outbox (unsent alerts), the acknowledgements, the journal of commands already
/// taken (so none can be replayed) and the provisioned configuration in /etc/edge.</summary>
public static class FactoryReset
{
    /// <summary>The exit code after a reset; the systemd unit restarts the service on it.</summary>
    public const int ExitCode = 75;

    /// <summary>Returns what was removed, for the log.</summary>
    public static List<string> Restore(StatePaths state)
    {
        var removed = new List<string>();
        foreach (var file in new[] { state.Overrides, state.StatusPageHash, state.StatusPagePassword })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
                removed.Add(Path.GetFileName(file));
            }
        }
        if (Directory.Exists(state.ReceivedIntel))
        {
            Directory.Delete(state.ReceivedIntel, recursive: true);
            removed.Add(Path.GetFileName(state.ReceivedIntel) + "/");
        }
        return removed;
    }
}

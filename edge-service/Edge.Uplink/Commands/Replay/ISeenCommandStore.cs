namespace Edge.Uplink.Commands.Replay;

/// <summary>The ids of commands already taken, each kept until its <c>ts</c> has left the replay
/// window (after that the time check alone refuses it). A store that persists lets a restart keep
/// refusing replays; the in-memory one forgets them.</summary>
public interface ISeenCommandStore
{
    /// <summary>Remembers <paramref name="id"/> until <paramref name="forgetAfter"/> unless already seen.</summary>
    SeenCommand TryRemember(string id, DateTimeOffset forgetAfter, DateTimeOffset now);
}

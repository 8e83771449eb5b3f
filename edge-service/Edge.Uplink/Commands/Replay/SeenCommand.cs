namespace Edge.Uplink.Commands.Replay;

public enum SeenCommand
{
    /// <summary>First time: remembered now.</summary>
    New,
    /// <summary>Already taken within the window.</summary>
    Seen,
    /// <summary>The store is full of ids still within the window: refuse rather than forget one.</summary>
    Full,
}

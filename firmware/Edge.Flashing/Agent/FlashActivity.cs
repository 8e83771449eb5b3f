namespace Edge.Flashing.Agent;

/// <summary>What the agent is doing, for whoever shows it (the sensor's LEDs).</summary>
public enum FlashActivity
{
    /// <summary>No transfer, or the link went away in the middle of one (it resumes on the next Begin).</summary>
    Idle,

    /// <summary>Bytes are arriving; reported again with every accepted Data frame.</summary>
    Receiving,

    /// <summary>Everything arrived and hashed: the install hook verifies and installs.</summary>
    Installing,

    Installed,

    /// <summary>The hook refused, or the transfer failed its hash or was incomplete.</summary>
    Refused,
}

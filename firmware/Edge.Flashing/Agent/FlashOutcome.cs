using Edge.Flashing.Messages;

namespace Edge.Flashing.Agent;

/// <summary>What the install hook decided; sent back to the laptop as the Result frame.</summary>
public sealed record FlashOutcome(bool Installed, ushort Code, string Message)
{
    public static FlashOutcome Success(string message = "installed") => new(true, StatusCode.Ok, message);

    /// <param name="code">The hook's own reason, at least <see cref="StatusCode.FirstInstallerCode"/>.</param>
    public static FlashOutcome Refused(ushort code, string message) => new(false, code, message);
}

using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Replay;

/// <summary>Replay protection: a command is taken once, within the window after its <c>ts</c>.</summary>
public sealed class CommandFreshness(CommandOptions options, ISeenCommandStore seen)
{
    /// <summary>Checks the times, then remembers the id; null when the command may run.</summary>
    public CommandError? Check(CommandBody body, DateTimeOffset now)
    {
        if (body.Ts < now - options.ReplayWindow)
            return new CommandError(CommandErrorCodes.Expired, "ts", $"ts is older than the {options.ReplayWindow.TotalSeconds:0} s window");
        if (body.Ts > now + options.ClockSkew)
            return new CommandError(CommandErrorCodes.ClockSkew, "ts", $"ts is more than {options.ClockSkew.TotalSeconds:0} s ahead of the sensor's clock");
        if (body.Expires is { } expires && expires <= now)
            return new CommandError(CommandErrorCodes.Expired, "expires", "the command has expired");
        return seen.TryRemember(body.Id, body.Ts + options.ReplayWindow + options.ClockSkew, now) switch
        {
            SeenCommand.New => null,
            SeenCommand.Seen => new CommandError(CommandErrorCodes.Replayed, "id", "a command with this id was already taken"),
            _ => new CommandError(CommandErrorCodes.RateLimited, "id", "too many recent commands to remember; try again later"),
        };
    }
}

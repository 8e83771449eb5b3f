namespace Edge.Uplink.Commands.Results;

/// <summary>Why a command was refused: a code from <see cref="CommandErrorCodes"/>, the field at
/// fault where there is one (<c>sig</c>, <c>ts</c>, <c>args.alert_id</c>), and a sentence for people.</summary>
public sealed record CommandError(string Code, string? Field, string Message)
{
    public static CommandError Malformed(string? field, string message) => new(CommandErrorCodes.Malformed, field, message);

    public static CommandError InvalidArgument(string argument, string message) =>
        new(CommandErrorCodes.InvalidArgument, "args." + argument, message);
}

using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Commands.Arguments;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Handlers;

/// <summary><c>ack</c> <c>{"alert_id":"&lt;ULID&gt;"}</c>: marks the alert acknowledged.</summary>
internal sealed class AckHandler(ISensorActions actions) : ICommandHandler
{
    public string Name => CommandNames.Ack;

    public async ValueTask<CommandOutcome> HandleAsync(CommandBody command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new ArgReader(command.Args, "alert_id");
        var alertId = args.String("alert_id", true, ArgFormats.IsUlid, "must be an alert id (a ULID)");
        if (args.Error is { } error)
            return error;
        alertId = ArgFormats.NormaliseUlid(alertId!);
        if (!await actions.AckAsync(alertId, cancellationToken).ConfigureAwait(false))
            return new CommandError(CommandErrorCodes.NotFound, "args.alert_id", $"no alert {alertId} is known");
        return CommandOutcome.Done(new AckResult(alertId), CommandJsonContext.Default.AckResult);
    }
}

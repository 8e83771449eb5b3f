using Edge.Uplink.Commands.Arguments;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Handlers;

/// <summary><c>ping</c>, no args: answers who it is.</summary>
internal sealed class PingHandler(CommandOptions options) : ICommandHandler
{
    public string Name => CommandNames.Ping;

    public ValueTask<CommandOutcome> HandleAsync(CommandBody command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new ArgReader(command.Args);
        return ValueTask.FromResult(args.Error is { } error
            ? error
            : CommandOutcome.Done(new PingResult(options.Agency, options.Sensor), CommandJsonContext.Default.PingResult));
    }
}

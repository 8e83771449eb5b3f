using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Commands.Arguments;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Handlers;

/// <summary><c>led-test</c>, no args: runs the LED test pattern.</summary>
internal sealed class LedTestHandler(ISensorActions actions) : ICommandHandler
{
    public string Name => CommandNames.LedTest;

    public async ValueTask<CommandOutcome> HandleAsync(CommandBody command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new ArgReader(command.Args);
        if (args.Error is { } error)
            return error;
        await actions.LedTestAsync(cancellationToken).ConfigureAwait(false);
        return CommandOutcome.Done();
    }
}

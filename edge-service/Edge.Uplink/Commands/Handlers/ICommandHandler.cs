using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Handlers;

/// <summary>One command: validates its args, then acts. Called only for verified, fresh commands.</summary>
internal interface ICommandHandler
{
    string Name { get; }

    ValueTask<CommandOutcome> HandleAsync(CommandBody command, DateTimeOffset now, CancellationToken cancellationToken);
}

using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Commands.Arguments;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Handlers;

/// <summary><c>config-get</c> <c>{"section"?:"Uplink"}</c>: the configuration as the service shows it.</summary>
internal sealed class ConfigGetHandler(ISensorActions actions) : ICommandHandler
{
    public string Name => CommandNames.ConfigGet;

    public async ValueTask<CommandOutcome> HandleAsync(CommandBody command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new ArgReader(command.Args, "section");
        var section = args.String("section", false, ArgFormats.IsConfigSection, "must be a section name such as Uplink");
        if (args.Error is { } error)
            return error;
        if (await actions.GetConfigAsync(section, cancellationToken).ConfigureAwait(false) is not { } config)
            return new CommandError(CommandErrorCodes.NotFound, "args.section", $"no section {section}");
        return CommandOutcome.Done(new ConfigGetResult(section, config), CommandJsonContext.Default.ConfigGetResult);
    }
}

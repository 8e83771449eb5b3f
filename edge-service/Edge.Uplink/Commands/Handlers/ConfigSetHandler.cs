using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Commands.Arguments;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Handlers;

/// <summary><c>config-set</c> <c>{"key":"Section:Key","value":…}</c>: the service validates the value.</summary>
internal sealed class ConfigSetHandler(ISensorActions actions) : ICommandHandler
{
    public const int MaxValueLength = 4096;

    public string Name => CommandNames.ConfigSet;

    public async ValueTask<CommandOutcome> HandleAsync(CommandBody command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new ArgReader(command.Args, "key", "value");
        var key = args.String("key", true, ArgFormats.IsConfigKey, "must be Section:Key (up to four levels of letters and digits)");
        var value = args.Scalar("value", MaxValueLength);
        if (args.Error is { } error)
            return error;
        var outcome = await actions.SetConfigAsync(key!, value!, cancellationToken).ConfigureAwait(false);
        if (!outcome.Ok)
        {
            var field = outcome.Field == "key" ? "key" : "value";
            return CommandError.InvalidArgument(field, outcome.Error ?? $"{field} refused");
        }
        return CommandOutcome.Done(new ConfigSetResult(key!, outcome.RestartRequired), CommandJsonContext.Default.ConfigSetResult);
    }
}

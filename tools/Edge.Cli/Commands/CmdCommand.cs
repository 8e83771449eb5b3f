using System.CommandLine;
using Edge.Cli.SensorCommands;
using Edge.Uplink.Topics;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl cmd AGENCY/SENSOR NAME [ARGS…] [--arg k=v…] --key FILE --key-id ID --broker URL</c>:
/// any signed command (ping, led-test, config-get, config-set, evidence-get, …), and the sensor's answer.</summary>
internal static class CmdCommand
{
    public static Command Create()
    {
        var shared = new SensorCommandArguments();
        var sensor = new Argument<string>("AGENCY/SENSOR") { Description = "the sensor" };
        sensor.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } text && !SensorAddress.TryParse(text, out _))
                r.AddError($"'{text}' must be AGENCY/SENSOR (each 1 to 64 of a-z, 0-9 and '-')");
        });
        var name = new Argument<string>("NAME") { Description = "the command: " + string.Join(", ", CommandArguments.Known.Select(CommandArguments.Usage)) };
        name.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } text && !TopicLayout.IsId(text))
                r.AddError($"'{text}' is not a command name (a-z, 0-9, '-')");
        });
        var words = new Argument<string[]>("ARGS") { Description = "the command's arguments in order (see NAME)", Arity = ArgumentArity.ZeroOrMore };
        var pairs = new Option<string[]>("--arg") { Description = "an argument as k=v (numbers and true/false typed) or k:=JSON (repeatable)", AllowMultipleArgumentsPerToken = false };

        var command = new Command("cmd", "Send a signed command to a sensor and print its answer") { sensor, name, words, pairs };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = SensorAddress.Parse(parse.GetRequiredValue(sensor));
            var commandName = parse.GetRequiredValue(name);
            var args = CommandArguments.Build(commandName, parse.GetValue(words) ?? [], parse.GetValue(pairs) ?? [], out var error);
            if (args is null)
                return BundleArguments.UsageError(parse, error);
            return await shared.RunAsync(parse, "cmd", target, commandName, args, null, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}

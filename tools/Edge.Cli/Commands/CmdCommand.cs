using System.CommandLine;
using System.Text.Json.Nodes;
using Edge.Cli.SensorCommands;
using Edge.Uplink.Commands;
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
        var output = new Option<FileInfo>("--out") { Description = "evidence-get: fetch the whole pcap chunk by chunk into this file (checked against its SHA-256)" };

        var command = new Command("cmd", "Send a signed command to a sensor and print its answer") { sensor, name, words, pairs, output };
        shared.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = SensorAddress.Parse(parse.GetRequiredValue(sensor));
            var commandName = parse.GetRequiredValue(name);
            var plan = Plan(commandName, parse.GetValue(words) ?? [], parse.GetValue(pairs) ?? [], parse.GetValue(output)?.FullName, out var error);
            if (plan is null)
                return BundleArguments.UsageError(parse, error);
            using (plan as IDisposable)
                return await shared.RunAsync(parse, "cmd", target, plan, null, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>What to send: an intel list from a file (chunked when large), evidence into a file
    /// with <c>--out</c>, or one command with the args given.</summary>
    private static ICommandPlan? Plan(string name, string[] words, string[] pairs, string? output, out string error)
    {
        if (output is not null && name != CommandNames.EvidenceGet)
            return Fail(out error, "--out is for evidence-get");
        if (name == CommandNames.IntelUpdate && words.Length > 0)
        {
            if (words.Length > 2)
                return Fail(out error, "too many arguments: intel-update FILE [CATEGORY] [--arg list=NAME]");
            string? list = null;
            foreach (var pair in pairs)
            {
                if (!pair.StartsWith("list=", StringComparison.Ordinal))
                    return Fail(out error, $"intel-update FILE takes only --arg list=NAME, not '{pair}'");
                list = pair["list=".Length..];
            }
            return IntelUpload.Read(words[0], list, words.Length > 1 ? words[1] : null, out error);
        }
        var args = CommandArguments.Build(name, words, pairs, out error);
        if (args is null)
            return null;
        if (output is null)
            return new SingleCommandPlan(name, args);
        if (args.Count != 1 || args["alert_id"] is not JsonValue id || !id.TryGetValue<string>(out var alertId) || !AlertIds.IsAlertId(alertId))
            return Fail(out error, "evidence-get ALERT-ID --out FILE takes only the alert id");
        return new EvidenceDownload(AlertIds.Normalise(alertId), output);
    }

    private static ICommandPlan? Fail(out string error, string message)
    {
        error = message;
        return null;
    }
}

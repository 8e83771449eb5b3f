using System.CommandLine;
using Edge.Cli.Broker;
using Edge.Cli.Watch;
using Edge.Uplink.Topics;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl watch --broker URL [filters] [--json]</c>: live alerts, one line each, until
/// Ctrl+C (exit 0). Exit 1 when the broker cannot be reached or refuses the subscription; 2 for bad
/// arguments.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var broker = new BrokerArguments(required: true);
        var agency = BrokerArguments.IdOption("--agency", "only this agency's alerts");
        var sensor = BrokerArguments.IdOption("--sensor", "only this sensor's alerts (with or without --agency)");
        var category = new Option<string[]>("--category") { Description = "only these categories (repeatable: --category cnc --category phishing)", AllowMultipleArgumentsPerToken = true };
        category.Validators.Add(r =>
        {
            foreach (var c in r.GetValueOrDefault<string[]>() ?? [])
            {
                if (!TopicLayout.IsId(c))
                    r.AddError($"--category '{c}' is not a category name (a-z, 0-9, '-')");
            }
        });
        var minSeverity = new Option<string>("--min-severity") { Description = "only alerts at least this severe" };
        minSeverity.AcceptOnlyFromAmong([.. Severities.All]);
        var json = new Option<bool>("--json") { Description = "each alert's payload as one JSON line (no colours), for pipes" };

        var command = new Command("watch", "Show alerts live as sensors send them, filtered, coloured by severity") { agency, sensor, category, minSeverity, json };
        broker.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = new AlertFilter
            {
                Agency = parse.GetValue(agency),
                Sensor = parse.GetValue(sensor),
                Categories = parse.GetValue(category) ?? [],
                MinSeverity = parse.GetValue(minSeverity),
            };
            var error = parse.InvocationConfiguration.Error;
            IWatchOutput output = parse.GetValue(json)
                ? new JsonWatchOutput(parse.InvocationConfiguration.Output, error)
                : new ConsoleWatchOutput(SpectreConsoles.For(parse.InvocationConfiguration.Output), error);
            var watcher = new AlertWatcher(broker.Read(parse)!, broker.TopicPrefix(parse), filter, output, TimeProvider.System);
            try
            {
                await watcher.RunAsync(cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (BrokerException e)
            {
                error.WriteLine("edgectl watch: " + e.Message);
                return 1;
            }
            catch (IOException)
            {
                // The reader went away (`| head`): nothing left to show.
                return 0;
            }
        });
        return command;
    }
}

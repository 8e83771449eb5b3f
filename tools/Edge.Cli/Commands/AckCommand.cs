using System.CommandLine;
using System.Data.Common;
using System.Text.Json.Nodes;
using Edge.Cli.SensorCommands;
using Edge.Cli.Store;
using Edge.Uplink.Commands;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl ack ALERT-ID (--sensor AGENCY/SENSOR | --store FILE|PG) --key FILE --key-id ID
/// --broker URL</c>: acknowledges an alert on the sensor that raised it (its LEDs stop showing it),
/// signed; prints the sensor's answer. With <c>--store</c> the sensor is looked up by the alert id.</summary>
internal static class AckCommand
{
    public static Command Create()
    {
        var shared = new SensorCommandArguments();
        var alertId = new Argument<string>("ALERT-ID") { Description = "the alert's id (a ULID, as in watch --json or the store)" };
        alertId.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } id && !AlertIds.IsAlertId(id))
                r.AddError($"'{id}' is not an alert id (a ULID: 26 letters and digits)");
        });
        var sensor = new Option<string>("--sensor") { Description = "the sensor that raised it, as AGENCY/SENSOR" };
        sensor.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } text && !SensorAddress.TryParse(text, out _))
                r.AddError($"--sensor '{text}' must be AGENCY/SENSOR (each 1 to 64 of a-z, 0-9 and '-')");
        });
        var store = new Option<string>("--store") { Description = "find the sensor in the incident store (SQLite file or PostgreSQL connection string)" };
        var note = new Option<string>("--note") { Description = "why: printed with the result (and in --json) for the team's records" };

        var command = new Command("ack", "Acknowledge an alert on its sensor (signed command), and print the sensor's answer") { alertId, sensor, store, note };
        shared.AddTo(command);
        command.Validators.Add(r =>
        {
            if ((r.GetValue(sensor) is null) == (r.GetValue(store) is null))
                r.AddError("give the alert's sensor with --sensor AGENCY/SENSOR or --store to look it up (one of them)");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = AlertIds.Normalise(parse.GetRequiredValue(alertId));
            SensorAddress? target;
            if (parse.GetValue(sensor) is { } text)
            {
                target = SensorAddress.Parse(text);
            }
            else
            {
                var storeTarget = parse.GetRequiredValue(store);
                if (!IncidentStore.IsPostgres(storeTarget) && !File.Exists(storeTarget))
                    return BundleArguments.UsageError(parse, $"no incident store at {Path.GetFullPath(storeTarget)}");
                try
                {
                    using var incidents = IncidentStore.Open(storeTarget);
                    target = AlertLocator.Find(incidents, id);
                }
                catch (ArgumentException e)
                {
                    return BundleArguments.UsageError(parse, "--store: " + e.Message);
                }
                catch (Exception e) when (e is DbException or InvalidDataException)
                {
                    parse.InvocationConfiguration.Error.WriteLine("edgectl ack: " + e.Message);
                    return 1;
                }
                if (target is null)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"edgectl ack: alert {id} is not in the store (give --sensor AGENCY/SENSOR)");
                    return 1;
                }
            }
            return await shared.RunAsync(parse, "ack", target, CommandNames.Ack, new JsonObject { ["alert_id"] = id }, parse.GetValue(note), cancellationToken)
                .ConfigureAwait(false);
        });
        return command;
    }
}

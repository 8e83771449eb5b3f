using System.CommandLine;
using System.Data.Common;
using Edge.Cli.Broker;
using Edge.Cli.Fleet;
using Edge.Cli.Store;
using Edge.Cli.Watch;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl fleet [--store FILE|POSTGRES] [--broker URL …]</c>: every sensor online, silent
/// or offline, with its figures. The store (written by <c>edgectl collect</c>) is the default source;
/// <c>--broker</c> listens live instead, or on top of a <c>--store</c> given with it. Exit 0; 1 with
/// <c>--fail-on-silent</c> when a sensor is silent or offline, or when a source cannot be read; 2 for
/// bad arguments.</summary>
internal static class FleetCommand
{
    public static Command Create()
    {
        var broker = new BrokerArguments(required: false);
        var store = new Option<string>("--store") { Description = $"the incident store: a SQLite file or a PostgreSQL connection string (default {IncidentStore.DefaultFile} without --broker)" };
        var silentAfter = DurationText.Option("--silent-after", "a sensor whose last heartbeat is older than this is silent", "5m", TimeSpan.FromSeconds(1));
        var listen = DurationText.Option("--listen", "with --broker: how long to listen for heartbeats (sensors send one a minute)", "65s", TimeSpan.FromSeconds(1));
        var agency = BrokerArguments.IdOption("--agency", "only this agency's sensors");
        var json = new Option<bool>("--json") { Description = "one JSON object instead of the table" };
        var failOnSilent = new Option<bool>("--fail-on-silent") { Description = "exit 1 when any sensor is silent or offline (for monitoring)" };

        var command = new Command("fleet", "Every sensor: online, silent or offline, version, intel, outbox, drops, temperature, last alert, heartbeat age")
        {
            store, silentAfter, listen, agency, json, failOnSilent,
        };
        broker.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var brokerOptions = broker.Read(parse);
            var storeTarget = parse.GetValue(store) ?? (brokerOptions is null ? IncidentStore.DefaultFile : null);
            if (storeTarget is not null && !IncidentStore.IsPostgres(storeTarget) && !File.Exists(storeTarget))
                return BundleArguments.UsageError(parse, $"no incident store at {Path.GetFullPath(storeTarget)} (edgectl collect writes one; --broker gives a live view without it)");
            var silent = DurationText.Value(parse, silentAfter);
            var time = TimeProvider.System;
            var sources = new List<string>();
            IReadOnlyList<SensorState> sensors = [];
            try
            {
                if (storeTarget is not null)
                {
                    using var incidents = IncidentStore.Open(storeTarget);
                    sensors = FleetStoreQuery.Read(incidents, parse.GetValue(agency));
                    sources.Add(incidents.Description);
                }
                if (brokerOptions is not null)
                {
                    var listener = new FleetListener(brokerOptions, broker.TopicPrefix(parse), parse.GetValue(agency), time);
                    var heard = await listener.ListenAsync(DurationText.Value(parse, listen), cancellationToken).ConfigureAwait(false);
                    sensors = FleetSnapshot.Merge(sensors, heard);
                    sources.Add($"{brokerOptions.Endpoint}, {DurationText.Format(DurationText.Value(parse, listen))} listen");
                    if (listener.Unreadable > 0)
                        error.WriteLine($"edgectl fleet: {listener.Unreadable} status/heartbeat message(s) could not be read and were left out");
                }
            }
            catch (ArgumentException e)
            {
                return BundleArguments.UsageError(parse, "--store: " + e.Message);
            }
            catch (Exception e) when (e is DbException or InvalidDataException or BrokerException)
            {
                error.WriteLine("edgectl fleet: " + e.Message);
                return 1;
            }
            var rules = new FleetRules(silent, storeTarget is null ? FleetRules.HeartbeatPeriod : silent);
            var now = time.GetUtcNow();
            var rows = rules.Evaluate(sensors, now);
            if (parse.GetValue(json))
            {
                parse.InvocationConfiguration.Output.WriteLine(FleetReport.From(rows, now, silent, sources).ToJson());
            }
            else
            {
                FleetTable.Write(SpectreConsoles.For(parse.InvocationConfiguration.Output), rows, string.Join(" + ", sources));
            }
            return parse.GetValue(failOnSilent) && rows.Any(r => r.Health != SensorHealth.Online) ? 1 : 0;
        });
        return command;
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using System.Data.Common;
using System.Text.RegularExpressions;
using Edge.Cli.Collect;
using Edge.Cli.Store;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Topics;

using Edge.Cli.Broker;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl collect --broker mqtt[s]://host:port …</c>: the incident team's long-running
/// collector, from the broker's shared subscriptions into the incident store (Collect/).</summary>
internal static partial class CollectCommand
{
    public static Command Create()
    {
        var broker = new Option<string>("--broker") { Description = "mqtt://host:port or mqtts://host:port of the province's broker", Required = true };
        var username = new Option<string?>("--username") { Description = "broker account (one per collector where the broker uses the username as client id)" };
        var passwordFile = new Option<FileInfo>("--password-file") { Description = "file whose first line is the account's password (never on the command line)" };
        var caFile = new Option<FileInfo>("--ca-file") { Description = "PEM CA the broker's certificate must chain to (mqtts; default: the system store)" };
        var clientCert = new Option<FileInfo>("--client-cert") { Description = "PEM client certificate for mutual TLS, with --client-key" };
        var clientKey = new Option<FileInfo>("--client-key") { Description = "PEM private key of --client-cert" };
        var store = new Option<string>("--store")
        {
            Description = $"SQLite file, or PostgreSQL connection string (Host=…;Database=…) or URI (postgresql://…); default {IncidentStore.DefaultFile}",
        };
        var noShare = new Option<bool>("--no-share") { Description = "plain subscriptions, for a broker without shared ones (RabbitMQ): every collector stores every message, duplicates absorbed" };
        var group = new Option<string>("--group") { Description = "shared-subscription group: collectors of one group share the messages", DefaultValueFactory = _ => CollectSettings.DefaultGroup };
        var clientId = new Option<string?>("--client-id") { Description = "MQTT client id, stable across restarts (default edgectl-collect-{group}-{machine})" };
        var prefix = new Option<string>("--prefix") { Description = "topic prefix", DefaultValueFactory = _ => TopicLayout.DefaultPrefix };
        var retentionDays = new Option<int?>("--retention-days") { Description = "delete alerts last seen more than N days ago once a report covers them (default: keep forever)" };
        var batch = new Option<int>("--batch") { Description = "messages per store transaction at most", DefaultValueFactory = _ => CollectSettings.DefaultBatch };
        var flushMs = new Option<int>("--flush-ms") { Description = "commit a batch at the latest this long after its first message", DefaultValueFactory = _ => CollectSettings.DefaultFlushMs };
        foreach (var file in new[] { passwordFile, caFile, clientCert, clientKey })
            file.AcceptExistingOnly();
        Range(retentionDays, 1, 36_500);
        Range(batch, 1, 10_000);
        Range(flushMs, 1, 60_000);

        var command = new Command("collect", "Store every sensor's alerts, status and heartbeats from the broker (shared subscription) in the incident store")
        {
            broker, username, passwordFile, caFile, clientCert, clientKey, store, group, noShare, clientId, prefix, retentionDays, batch, flushMs,
        };
        command.Validators.Add(r =>
        {
            var tls = false;
            if (Value(r, broker) is { } text)
            {
                if (BrokerEndpoint.TryParse(text, out var endpoint, out var error))
                    tls = endpoint.UseTls;
                else
                    r.AddError($"--broker: {error}");
            }
            if (Value(r, passwordFile) is not null && Value(r, username) is null)
                r.AddError("--password-file needs --username");
            if ((Value(r, clientCert) is null) != (Value(r, clientKey) is null))
                r.AddError("--client-cert and --client-key go together");
            if (!tls && (Value(r, caFile) is not null || Value(r, clientCert) is not null))
                r.AddError("--ca-file and --client-cert need an mqtts:// broker");
            if (Value(r, group) is { } name && !GroupPattern().IsMatch(name))
                r.AddError($"--group '{name}' must be 1 to 64 of A-Z a-z 0-9 _ - (no '/', '+' or '#')");
            if (Value(r, clientId) is { } id && !ClientIdPattern().IsMatch(id))
                r.AddError($"--client-id '{id}' must be 1 to 128 of A-Z a-z 0-9 . _ : -");
            if (Value(r, prefix) is { } topicPrefix && !IsPrefix(topicPrefix))
                r.AddError($"--prefix '{topicPrefix}' must be a plain topic without wildcards, '$' or outer slashes (e.g. edge/v1)");
            if (Value(r, store) is { } target && StoreProblem(target) is { } problem)
                r.AddError($"--store: {problem}");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(passwordFile);
            var password = secret is null ? null : PasswordFile.FirstLine(secret.FullName);
            if (password is { Length: 0 })
                return BundleArguments.UsageError(parse, $"--password-file {secret!.FullName}: the first line is empty");
            var settings = new CollectSettings
            {
                Broker = BrokerEndpoint.Parse(parse.GetRequiredValue(broker)),
                Username = parse.GetValue(username),
                Password = password,
                CaFile = parse.GetValue(caFile)?.FullName,
                ClientCertificateFile = parse.GetValue(clientCert)?.FullName,
                ClientKeyFile = parse.GetValue(clientKey)?.FullName,
                Store = parse.GetValue(store),
                Group = parse.GetRequiredValue(group),
                Shared = !parse.GetValue(noShare),
                ClientId = parse.GetValue(clientId) ?? CollectSettings.DefaultClientId(parse.GetRequiredValue(group), Environment.MachineName),
                Prefix = parse.GetRequiredValue(prefix),
                RetentionDays = parse.GetValue(retentionDays),
                BatchSize = parse.GetValue(batch),
                FlushAfter = TimeSpan.FromMilliseconds(parse.GetValue(flushMs)),
            };
            var log = new CollectLog(parse.InvocationConfiguration.Error, TimeProvider.System);
            IncidentStore incidentStore;
            try
            {
                incidentStore = IncidentStore.Open(settings.Store);
            }
            catch (Exception e) when (e is DbException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                log.Line($"collect: cannot open the store {settings.Store ?? IncidentStore.DefaultFile}: {e.Message}");
                return 1;
            }
            using (incidentStore)
                return await new Collector(settings, incidentStore, log, TimeProvider.System).RunAsync(cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The option's value, or default when it did not convert (that error is reported already).</summary>
    private static T? Value<T>(CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static void Range<T>(Option<T> option, int min, int max) =>
        option.Validators.Add(r =>
        {
            T? value;
            try
            {
                value = r.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return;
            }
            if (value is int number && (number < min || number > max))
                r.AddError($"{option.Name} must be {min} to {max}");
        });

    private static bool IsPrefix(string prefix) =>
        prefix.Length > 0 && !prefix.StartsWith('/') && !prefix.EndsWith('/') && !prefix.StartsWith('$')
        && !prefix.Contains('+', StringComparison.Ordinal) && !prefix.Contains('#', StringComparison.Ordinal)
        && !prefix.Contains("//", StringComparison.Ordinal);

    /// <summary>Why a PostgreSQL target cannot be used as written (a SQLite path is checked when opened).</summary>
    private static string? StoreProblem(string target)
    {
        if (target.Length == 0)
            return "empty";
        if (!IncidentStore.IsPostgres(target))
            return null;
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(target));
            return null;
        }
        catch (ArgumentException e)
        {
            return "the PostgreSQL connection string does not parse: " + e.Message;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex GroupPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,128}\z")]
    private static partial Regex ClientIdPattern();
}

using System.Diagnostics;
using System.Globalization;
using Edge.Cli.Collect;
using Edge.Cli.Store;

namespace Edge.Benchmarks.Collect;

/// <summary><c>--ingest-rate [COUNT] [BATCH] [STORE]</c>: the collector's path without the broker:
/// COUNT (default 200,000) alerts from 100 sensors (plus their count updates) parsed by
/// <see cref="IncomingParser"/> and committed through <see cref="StoreWriter"/> in batches of BATCH
/// (default 1,000), as <c>edgectl collect</c> does. STORE is a SQLite file or a PostgreSQL
/// connection string; without it a fresh SQLite file in the temp folder per round, and the
/// PostgreSQL of <c>EDGE_PG</c> too when that is set. Three rounds each.</summary>
public static class IngestRateCheck
{
    public const string Argument = "--ingest-rate";

    public static void Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var batchSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var targets = new List<string?>();
        if (args.Length > 2)
            targets.Add(args[2]);
        else
        {
            targets.Add(null);
            if (Environment.GetEnvironmentVariable("EDGE_PG") is { Length: > 0 } postgres)
                targets.Add(postgres);
        }
        foreach (var target in targets)
        {
            for (var round = 1; round <= 3; round++)
                Round(target, count, batchSize, round);
        }
    }

    private static void Round(string? target, int count, int batchSize, int round)
    {
        var (messages, _, _) = IngestAlerts.Make(count, sensors: 100, seed: Environment.TickCount ^ round);
        var parser = new IncomingParser(new CollectTopics("edge/v1", "incident"));
        var folder = target is null ? Directory.CreateTempSubdirectory("edge-ingest-") : null;
        try
        {
            using var store = IncidentStore.Open(target ?? Path.Combine(folder!.FullName, "incident.db"));
            var received = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var parseWatch = Stopwatch.StartNew();
            var parsed = messages.Select(m => parser.Parse(m.Topic, m.Payload, received)).ToList();
            parseWatch.Stop();
            if (parsed.FirstOrDefault(p => p.Reject is not null).Reject is { } reject)
                throw new InvalidOperationException("the generated alerts are rejected: " + reject.Reason);

            using var writer = new StoreBatchStore(store);
            var batch = new IncomingBatch();
            long fresh = 0, repeated = 0;
            var storeWatch = Stopwatch.StartNew();
            for (var i = 0; i < parsed.Count; i += batchSize)
            {
                batch.Clear();
                for (var j = i; j < Math.Min(i + batchSize, parsed.Count); j++)
                    parsed[j].AddTo(batch);
                var result = writer.Write(batch);
                fresh += result.NewAlerts;
                repeated += result.RepeatedAlerts;
            }
            storeWatch.Stop();
            if (fresh != count)
                throw new InvalidOperationException($"{fresh} new alerts stored, expected {count}");
            var size = folder is null ? "" : $", file {new FileInfo(Path.Combine(folder.FullName, "incident.db")).Length / 1_048_576.0:N0} MiB";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{store.Description} round {round}: {parsed.Count:N0} messages ({fresh:N0} alerts, {repeated:N0} count updates) in batches of {batchSize:N0}: " +
                $"store {parsed.Count / storeWatch.Elapsed.TotalSeconds:N0} messages/s = {fresh / storeWatch.Elapsed.TotalSeconds:N0} alerts/s ({storeWatch.Elapsed.TotalSeconds:N2} s), " +
                $"parse {parsed.Count / parseWatch.Elapsed.TotalSeconds:N0} messages/s, both {parsed.Count / (storeWatch.Elapsed + parseWatch.Elapsed).TotalSeconds:N0} messages/s{size}"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder?.Delete(recursive: true);
        }
    }
}

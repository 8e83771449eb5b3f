using System.Globalization;
using Edge.Cli.Store;

namespace Edge.Cli.Collect;

/// <summary>Deletes alerts older than the retention period, but only those a report has covered:
/// nothing is deleted before it has been reported. An alert is covered by a row of <c>reports</c>
/// for its agency (or for all agencies: <c>agency</c> null) whose period, taken as
/// [<c>period_from</c>, <c>period_to</c>), holds the alert from its first to its last sighting.
/// Deletes in chunks, one short transaction each, so a collector writing meanwhile waits little.</summary>
public sealed class RetentionSweeper(IncidentStore store, int retentionDays, TimeProvider time)
{
    public const int ChunkSize = 5000;

    /// <summary>Alerts last seen before this are old enough to go.</summary>
    public long CutoffMs => time.GetUtcNow().AddDays(-retentionDays).ToUnixTimeMilliseconds();

    /// <returns>How many alerts were deleted.</returns>
    public long Sweep()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retentionDays, 1);
        var cutoff = CutoffMs;
        using var connection = store.OpenConnection();
        long deleted = 0;
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            // first_seen < cutoff follows from last_seen < cutoff; it lets the first_seen index narrow the scan.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
                DELETE FROM alerts WHERE id IN (
                    SELECT a.id FROM alerts a
                    WHERE a.first_seen < @cutoff AND a.last_seen < @cutoff
                      AND EXISTS (SELECT 1 FROM reports r
                                  WHERE r.period_from <= a.first_seen AND r.period_to > a.last_seen
                                    AND (r.agency IS NULL OR r.agency = a.agency))
                    LIMIT {ChunkSize})
                """);
            Parameters.Add(command, "@cutoff", cutoff);
            var count = command.ExecuteNonQuery();
            transaction.Commit();
            deleted += count;
            if (count < ChunkSize)
                return deleted;
        }
    }
}

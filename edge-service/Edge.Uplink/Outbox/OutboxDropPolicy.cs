namespace Edge.Uplink.Outbox;

/// <summary>Making room in a full outbox: first delivered messages kept for the redelivery window
/// (oldest delivery first, any priority), then the lowest priority, oldest first, only messages that do
/// not outrank the new one and never a critical one. If that cannot make room, nothing is dropped and
/// the new message is refused.</summary>
internal static class OutboxDropPolicy
{
    public static bool TryMakeRoom(OutboxOptions options, OutboxPriority priority, long size, ref OutboxLedger ledger,
        OutboxStatements sql, out int dropped)
    {
        dropped = 0;
        if (size > options.MaxBytes)
            return false;
        if (Fits(options, ledger, size))
            return true;
        var (count, bytes) = ledger.Droppable(priority);
        if (!Fits(options, ledger.Depth - count, ledger.Bytes - bytes, size))
            return false;
        var keptDropped = false;
        while (ledger.Kept > 0 && !Fits(options, ledger, size))
        {
            if (!sql.TryDropOldestKept(out var kept, out var keptSize))
                throw new InvalidOperationException("outbox totals disagree with its database: no kept message to drop");
            ledger.KeptRemoved(kept, keptSize);
            keptDropped = true;
        }
        if (keptDropped)
            ledger.OldestKeptAt = ledger.Kept == 0 ? 0 : sql.OldestKept();
        var max = priority < OutboxPriority.Critical ? priority : OutboxPriority.High;
        while (!Fits(options, ledger, size))
        {
            if (!sql.TryDropOldest(max, out var victim, out var victimSize))
                throw new InvalidOperationException("outbox totals disagree with its database: nothing left to drop");
            ledger.Removed(victim, victimSize, delivered: false);
            dropped++;
        }
        return true;
    }

    private static bool Fits(OutboxOptions options, in OutboxLedger ledger, long size) =>
        Fits(options, ledger.Depth + ledger.Kept, ledger.Bytes + ledger.KeptBytes, size);

    private static bool Fits(OutboxOptions options, long depth, long bytes, long size) =>
        (options.MaxMessages == 0 || depth < options.MaxMessages) && bytes + size <= options.MaxBytes;
}

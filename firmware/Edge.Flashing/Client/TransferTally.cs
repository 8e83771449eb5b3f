namespace Edge.Flashing.Client;

/// <summary>Counts that survive reconnects: what was sent, what was sent again, when we last made progress.</summary>
internal sealed class TransferTally(long bundleBytes, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _acknowledgedThisRun;

    public long BundleBytes { get; } = bundleBytes;
    public long BytesSent { get; private set; }
    public long BytesResent { get; private set; }
    public long? ResumedFrom { get; set; }
    public int Reconnects { get; set; }
    public uint LastSequence { get; set; }
    public long LastProgress { get; private set; } = time.GetTimestamp();

    /// <summary>The highest offset ever sent: bytes below it are resends.</summary>
    public long HighestSent { get; private set; }

    public void Sent(long offset, int length)
    {
        BytesSent += length;
        if (offset < HighestSent)
            BytesResent += Math.Min(length, HighestSent - offset);
        HighestSent = Math.Max(HighestSent, offset + length);
    }

    public void Progressed(long newlyAcknowledged)
    {
        _acknowledgedThisRun += newlyAcknowledged;
        LastProgress = time.GetTimestamp();
    }

    public TimeSpan SinceProgress => time.GetElapsedTime(LastProgress);

    public TimeSpan Elapsed => time.GetElapsedTime(_started);

    public FlashProgress Progress(long confirmed)
    {
        double seconds = Elapsed.TotalSeconds;
        double rate = seconds > 0 ? _acknowledgedThisRun / seconds : 0;
        TimeSpan? remaining = rate > 0 ? TimeSpan.FromSeconds((BundleBytes - confirmed) / rate) : null;
        return new FlashProgress(confirmed, BundleBytes, rate, remaining, Reconnects, BytesResent);
    }
}

namespace Edge.Service.Capture;

/// <summary>Extends one of libpcap's 32-bit <c>pcap_stat</c> counters to 64 bits by adding deltas,
/// so a busy mirror port's drop count does not wrap to a small number after 4 billion packets.</summary>
internal struct WrappingCounter
{
    private uint _last;

    public long Total { get; private set; }

    public void Update(uint raw)
    {
        var delta = raw - _last;
        _last = raw;
        // A "negative" step (libpcap's interface-drop baseline passed by a driver counter reset)
        // is a new origin, not four billion drops.
        if (delta <= int.MaxValue)
            Total += delta;
    }
}

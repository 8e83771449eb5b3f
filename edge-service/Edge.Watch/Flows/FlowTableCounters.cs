namespace Edge.Watch.Flows;

public sealed class FlowTableCounters
{
    public long Created { get; internal set; }
    public long CreatedTcp { get; internal set; }
    public long CreatedUdp { get; internal set; }
    public long CreatedOther { get; internal set; }
    public long Ended { get; internal set; }
    /// <summary>Ended idle past their timeout.</summary>
    public long TimedOut { get; internal set; }
    /// <summary>Ended after FIN or RST and the short linger.</summary>
    public long Closed { get; internal set; }
    public long Evicted { get; internal set; }
    public long Reused { get; internal set; }
}

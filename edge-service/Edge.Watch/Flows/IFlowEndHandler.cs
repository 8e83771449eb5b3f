namespace Edge.Watch.Flows;

/// <summary>Told of every flow as it leaves the table, before its slot is reused.</summary>
public interface IFlowEndHandler
{
    void OnFlowEnd(ref Flow flow, FlowEndReason reason);
}

namespace Edge.Watch.Flows;

/// <summary>The application protocol recognised on a flow (reported in its flow event).</summary>
public enum AppProtocol : byte
{
    Unknown,
    Dns,
    Tls,
    Http,
}

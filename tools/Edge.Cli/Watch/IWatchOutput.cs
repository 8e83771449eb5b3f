using Edge.Uplink.Messages;

namespace Edge.Cli.Watch;

/// <summary>Where <c>edgectl watch</c> writes: coloured lines for people or JSON lines for pipes.</summary>
public interface IWatchOutput
{
    /// <param name="payload">The message exactly as received.</param>
    void Alert(AlertMessage alert, byte[] payload);

    /// <summary>A message on an alert topic that is not an <c>edge.alert/1</c> payload.</summary>
    void Unreadable(string topic, string reason);

    /// <summary>A word about the connection (lost, back); never on the JSON stream.</summary>
    void Notice(string text);

    /// <summary>Called once when watching ends.</summary>
    void Finish();
}

using MQTTnet;

namespace Edge.Cli.Collect;

/// <summary>The PUBACK of one QoS 1 message, sent on the connection it came on. Each connection is
/// its own client, so a late acknowledgement never lands on a newer connection (where the packet id
/// may mean another message): it fails, and the broker delivers the message again.</summary>
/// <param name="settled">Called once the acknowledgement was sent or given up.</param>
internal sealed class MqttDeliveryAck(MqttApplicationMessageReceivedEventArgs received, IMqttClient client, Action settled) : IDeliveryAck
{
    public async ValueTask<bool> AcknowledgeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!client.IsConnected)
                return false;
            await received.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException
            or OperationCanceledException or InvalidOperationException or IOException)
        {
            return false;
        }
        finally
        {
            settled();
        }
    }
}

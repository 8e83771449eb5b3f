using System.Text.Json;
using Edge.Cli.Broker;
using Edge.Uplink.Messages;
using Edge.Uplink.Topics;
using MQTTnet.Protocol;

namespace Edge.Cli.Fleet;

/// <summary>The fleet as the broker tells it: subscribes to every sensor's status (the retained ones
/// arrive at once) and heartbeat (QoS 0, one a minute per sensor) and listens for a while.</summary>
public sealed class FleetListener(BrokerOptions broker, string prefix, string? agency, TimeProvider time)
{
    /// <summary>Messages on these topics that were not a status or heartbeat this edgectl reads.</summary>
    public int Unreadable { get; private set; }

    /// <summary>Listens for <paramref name="listen"/>, or until cancelled, and returns what it heard.</summary>
    /// <exception cref="BrokerException">The broker cannot be reached or refuses the subscription.</exception>
    public async Task<IReadOnlyCollection<SensorState>> ListenAsync(TimeSpan listen, CancellationToken cancellationToken)
    {
        var connection = await BrokerConnection.ConnectAsync(broker, "fleet", time, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var snapshot = new FleetSnapshot(time.GetUtcNow());
            var root = $"{prefix}/{agency ?? "+"}/+/";
            await connection.SubscribeAsync([root + "status", root + "heartbeat"], MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
            using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            window.CancelAfter(listen);
            try
            {
                await foreach (var message in connection.Messages.ReadAllAsync(window.Token).ConfigureAwait(false))
                    Take(snapshot, message);
                throw new BrokerException($"lost {broker.Endpoint} while listening ({connection.LostReason ?? "closed"})");
            }
            catch (OperationCanceledException) when (window.IsCancellationRequested)
            {
                // The listen is over (or Ctrl+C): what was heard is the answer.
            }
            return snapshot.Sensors;
        }
    }

    public void Take(FleetSnapshot snapshot, BrokerMessage message)
    {
        var parts = message.Topic.Split('/');
        if (parts.Length < 3 || !TopicLayout.IsId(parts[^3]) || !TopicLayout.IsId(parts[^2]))
        {
            Unreadable++;
            return;
        }
        var (agencyId, sensorId) = (parts[^3], parts[^2]);
        try
        {
            switch (parts[^1])
            {
                case "status" when JsonSerializer.Deserialize(message.Payload, UplinkJsonContext.Default.StatusMessage) is { State: not null } status:
                    snapshot.Status(agencyId, sensorId, status, message.ReceivedAt);
                    return;
                case "heartbeat" when JsonSerializer.Deserialize(message.Payload, UplinkJsonContext.Default.HeartbeatMessage) is { } heartbeat:
                    snapshot.Heartbeat(agencyId, sensorId, heartbeat, message.ReceivedAt);
                    return;
            }
        }
        catch (JsonException)
        {
        }
        Unreadable++;
    }
}

using System.Buffers;
using System.Text.Json;
using Edge.Uplink.Messages;
using Edge.Uplink.Outbox;
using Edge.Uplink.Topics;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Uplink.Mqtt;

/// <summary>Publishes the heartbeat on <c>…/heartbeat</c> (QoS 0, not retained) on connect and
/// then every period. A missed heartbeat is not kept: the next one carries the same totals.</summary>
public sealed class HeartbeatPublisher(IHeartbeatSource source, IOutbox outbox, UplinkCounters counters, TopicLayout topics,
    TimeProvider time, TimeSpan period, ILogger logger)
{
    public MqttApplicationMessage Create()
    {
        var heartbeat = source.Create(counters.Snapshot(), outbox.Stats);
        return new MqttApplicationMessage
        {
            Topic = topics.Heartbeat,
            Payload = new ReadOnlySequence<byte>(JsonSerializer.SerializeToUtf8Bytes(heartbeat, UplinkJsonContext.Default.HeartbeatMessage)),
            QualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce,
        };
    }

    /// <summary>Runs until <paramref name="connectionLost"/> fires.</summary>
    public async Task RunAsync(IMqttClient client, CancellationToken connectionLost)
    {
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await client.PublishAsync(Create(), connectionLost).ConfigureAwait(false);
                counters.HeartbeatSent();
            }
            catch (Exception e) when (!connectionLost.IsCancellationRequested)
            {
                UplinkLog.HeartbeatFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(connectionLost).ConfigureAwait(false));
    }
}

using Edge.Cli.Broker;
using MQTTnet.Protocol;

namespace Edge.Cli.Watch;

/// <summary>Subscribes to the alert topics (clean session, not shared: every watcher sees every
/// alert) and hands each matching alert to the output until cancelled. A dropped connection is
/// retried with a growing pause; what was published meanwhile is not shown (the collector's
/// persistent session keeps it).</summary>
public sealed class AlertWatcher(BrokerOptions broker, string prefix, AlertFilter filter, IWatchOutput output, TimeProvider time)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    /// <summary>Runs until <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="BrokerException">The first connection or a subscription failed.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        var connectedBefore = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                BrokerConnection connection;
                try
                {
                    connection = await BrokerConnection.ConnectAsync(broker, "watch", time, cancellationToken).ConfigureAwait(false);
                }
                catch (BrokerException e) when (connectedBefore)
                {
                    output.Notice($"{e.Message}; trying again in {DurationText.Format(retry)}");
                    await Task.Delay(retry, time, cancellationToken).ConfigureAwait(false);
                    retry = retry * 2 > LastRetry ? LastRetry : retry * 2;
                    continue;
                }
                await using (connection.ConfigureAwait(false))
                {
                    try
                    {
                        await connection.SubscribeAsync(filter.TopicFilters(prefix), MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (LostWhileSubscribing(e, connection, cancellationToken))
                    {
                        // The link went between CONNACK and SUBACK: that is a lost connection, not a refusal.
                        output.Notice($"lost {broker.Endpoint} while subscribing ({e.Message}); reconnecting");
                        connectedBefore = true;
                        continue;
                    }
                    if (connectedBefore)
                        output.Notice($"connected again to {broker.Endpoint}");
                    connectedBefore = true;
                    retry = FirstRetry;
                    await foreach (var message in connection.Messages.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                        Show(message);
                    output.Notice($"lost {broker.Endpoint} ({connection.LostReason ?? "closed"}); reconnecting (alerts published meanwhile are not shown here)");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            output.Finish();
        }
    }

    /// <summary>The link went while subscribing: MQTTnet then throws what its half-torn state gives (a
    /// communication error, a disposed object, a cancellation, even a null reference), so a client no
    /// longer connected counts as lost whatever it threw.</summary>
    private static bool LostWhileSubscribing(Exception e, BrokerConnection connection, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (e is MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException or OperationCanceledException || !connection.IsConnected);

    public void Show(BrokerMessage message)
    {
        if (!AlertPayload.TryParse(message.Payload, out var alert, out var reason))
        {
            output.Unreadable(message.Topic, reason);
            return;
        }
        if (filter.Matches(alert))
            output.Alert(alert, message.Payload);
    }
}

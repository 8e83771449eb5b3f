using System.Text.Json;
using Edge.Cli.Broker;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Topics;
using MQTTnet.Protocol;

namespace Edge.Cli.SensorCommands;

/// <summary>One signed command and its answer: subscribes to the sensor's <c>…/cmd-result</c> first
/// (so the answer cannot arrive before anyone listens), publishes to <c>…/cmd/{name}</c> with QoS 1,
/// then waits for the result carrying the command's id. Results for other commands (a colleague's)
/// are passed over.</summary>
public sealed class CommandExchange(BrokerConnection connection, TopicLayout topics, TimeProvider time)
{
    private bool _subscribed;

    /// <summary>The sensor's answer, or null when none came within <paramref name="timeout"/>.</summary>
    /// <exception cref="BrokerException">The broker refused the subscription or the command, or the link dropped.</exception>
    public async Task<CommandAnswer?> SendAsync(string name, string commandId, byte[] payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_subscribed)
        {
            await connection.SubscribeAsync([topics.CommandResult], MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
            _subscribed = true;
        }
        using var deadline = new CancellationTokenSource(timeout, time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await connection.PublishAsync(topics.Command(name), payload, MqttQualityOfServiceLevel.AtLeastOnce, wait.Token).ConfigureAwait(false);
            await foreach (var message in connection.Messages.ReadAllAsync(wait.Token).ConfigureAwait(false))
            {
                if (message.Topic == topics.CommandResult && TryRead(message.Payload, out var result) && result.Id == commandId)
                    return new CommandAnswer(result, message.Payload);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        throw new BrokerException($"the connection to the broker dropped while waiting for the result ({connection.LostReason ?? "closed"})");
    }

    public static bool TryRead(byte[] payload, out CommandResult result)
    {
        result = null!;
        try
        {
            if (JsonSerializer.Deserialize(payload, CommandJsonContext.Default.CommandResult) is { } read)
            {
                result = read;
                return true;
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }
}

/// <summary>The sensor's result and its payload exactly as received.</summary>
public sealed record CommandAnswer(CommandResult Result, byte[] Payload);

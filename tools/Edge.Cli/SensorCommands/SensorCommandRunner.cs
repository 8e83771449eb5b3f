using System.Text.Json.Nodes;
using Edge.Cli.Broker;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;

namespace Edge.Cli.SensorCommands;

/// <summary>Signs a command for one sensor, sends it and waits for the answer. The command's
/// <c>expires</c> is the end of the wait, so a command reported as unanswered is not carried out
/// later by a sensor that comes back (the broker keeps commands for a sensor that is away).</summary>
public sealed class SensorCommandRunner(BrokerOptions broker, string prefix, CommandSigner signer, TimeSpan timeout, TimeProvider time)
{
    /// <exception cref="BrokerException">The broker cannot be reached, or refused or dropped us.</exception>
    public async Task<SensorCommandOutcome> RunAsync(SensorAddress target, string name, JsonObject args, CancellationToken cancellationToken)
    {
        var request = Request(target, name, args);
        var connection = await BrokerConnection.ConnectAsync(broker, "cmd", time, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var exchange = new CommandExchange(connection, target.Topics(prefix), time);
            var answer = await exchange.SendAsync(name, request.Id, signer.Sign(request), timeout, cancellationToken).ConfigureAwait(false);
            return new SensorCommandOutcome(target, request, answer, timeout);
        }
    }

    public CommandRequest Request(SensorAddress target, string name, JsonObject args)
    {
        var now = time.GetUtcNow();
        return CommandRequest.Create(name, target.Agency, target.Sensor, now, args) with { Expires = now + timeout };
    }
}

/// <summary>What became of one command: the sensor's answer, or none within the wait.</summary>
public sealed record SensorCommandOutcome(SensorAddress Target, CommandRequest Request, CommandAnswer? Answer, TimeSpan Waited)
{
    public bool Ok => Answer?.Result.Ok == true;

    public bool TimedOut => Answer is null;
}

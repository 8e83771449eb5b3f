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
    public Task<SensorCommandOutcome> RunAsync(SensorAddress target, string name, JsonObject args, CancellationToken cancellationToken) =>
        RunAsync(target, new SingleCommandPlan(name, args), null, cancellationToken);

    /// <summary>Every command of the plan in turn on one connection, each answered before the next
    /// is sent; stops at the first that is not ok.</summary>
    /// <param name="progress">Told the number of commands answered ok so far.</param>
    /// <exception cref="BrokerException">The broker cannot be reached, or refused or dropped us.</exception>
    public async Task<SensorCommandOutcome> RunAsync(SensorAddress target, ICommandPlan plan, Action<int>? progress, CancellationToken cancellationToken)
    {
        var connection = await BrokerConnection.ConnectAsync(broker, "cmd", time, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var exchange = new CommandExchange(connection, target.Topics(prefix), time);
            CommandAnswer? last = null;
            SensorCommandOutcome? outcome = null;
            var exchanges = 0;
            while (plan.Next(last) is { } args)
            {
                var request = Request(target, plan.Name, args);
                var answer = await exchange.SendAsync(plan.Name, request.Id, signer.Sign(request), timeout, cancellationToken).ConfigureAwait(false);
                outcome = new SensorCommandOutcome(target, request, answer, timeout) { Exchanges = ++exchanges };
                if (!outcome.Ok)
                    return outcome;
                last = answer;
                progress?.Invoke(exchanges);
            }
            return (outcome ?? throw new InvalidOperationException($"the {plan.Name} plan sent nothing")) with { Plan = plan.Finish() };
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
    /// <summary>Commands answered in all (several for a chunked transfer); the last one is <see cref="Request"/>.</summary>
    public int Exchanges { get; init; } = 1;

    /// <summary>What the plan made of the answers (a file written), when it has something to say.</summary>
    public PlanResult? Plan { get; init; }

    public bool Ok => Answer?.Result.Ok == true && Plan?.Ok != false;

    public bool TimedOut => Answer is null;
}

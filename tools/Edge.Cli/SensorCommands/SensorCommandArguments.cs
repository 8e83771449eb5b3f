using System.CommandLine;
using System.Text.Json.Nodes;
using Edge.Cli.Broker;

namespace Edge.Cli.SensorCommands;

/// <summary>What <c>edgectl ack</c> and <c>edgectl cmd</c> share: the broker, the signing key and its
/// id, the wait and <c>--json</c>; and the run itself (exit 0 ok, 1 refused, unanswered or broker
/// trouble, 2 bad arguments).</summary>
internal sealed class SensorCommandArguments
{
    public SensorCommandArguments() => Key.AcceptExistingOnly();

    public BrokerArguments Broker { get; } = new(required: true);

    public Option<FileInfo> Key { get; } = new("--key") { Description = "the team's Ed25519 private key (PEM, from edgectl keys create)", Required = true };

    public Option<string> KeyId { get; } = new("--key-id") { Description = "the id the sensors trust the key as (Edge:Commands:TrustedKeys)", Required = true };

    public Option<string> Timeout { get; } = DurationText.Option("--timeout", "how long to wait for the sensor's answer", "30s", TimeSpan.FromSeconds(1));

    public Option<bool> Json { get; } = new("--json") { Description = "one JSON object with the sensor's result" };

    public void AddTo(Command command)
    {
        command.Options.Add(Key);
        command.Options.Add(KeyId);
        command.Options.Add(Timeout);
        command.Options.Add(Json);
        Broker.AddTo(command);
    }

    public Task<int> RunAsync(ParseResult parse, string commandName, SensorAddress target, string name, JsonObject args, string? note,
        CancellationToken cancellationToken) =>
        RunAsync(parse, commandName, target, new SingleCommandPlan(name, args), note, cancellationToken);

    public async Task<int> RunAsync(ParseResult parse, string commandName, SensorAddress target, ICommandPlan plan, string? note,
        CancellationToken cancellationToken)
    {
        var signer = SigningKeyFile.Read(parse.GetRequiredValue(Key).FullName, parse.GetRequiredValue(KeyId), out var keyError);
        if (signer is null)
            return Commands.BundleArguments.UsageError(parse, keyError);
        var runner = new SensorCommandRunner(Broker.Read(parse)!, Broker.TopicPrefix(parse), signer, DurationText.Value(parse, Timeout), TimeProvider.System);
        try
        {
            var error = parse.InvocationConfiguration.Error;
            Action<int>? progress = plan is SingleCommandPlan ? null : done => error.WriteLine($"edgectl {commandName}: {plan.Name}: {done} chunk(s) answered");
            var outcome = await runner.RunAsync(target, plan, progress, cancellationToken).ConfigureAwait(false);
            return SensorCommandReport.Write(outcome, parse.GetValue(Json), note, parse.InvocationConfiguration.Output);
        }
        catch (BrokerException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"edgectl {commandName}: {e.Message}");
            return 1;
        }
    }
}

using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Commands.Handlers;
using Edge.Uplink.Commands.Replay;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;
using Edge.Uplink.Topics;

namespace Edge.Uplink.Commands;

/// <summary>Takes each payload from <c>…/cmd/{name}</c> and gives the result for <c>…/cmd-result</c>.
/// In order: size, envelope, key, signature, body, target (name, agency, sensor), time and replay,
/// then the command's own args. A refusal at any step names its reason and field and changes
/// nothing. Commands run one at a time; nothing from the input makes this throw.</summary>
public sealed class CommandProcessor : IDisposable
{
    private readonly CommandOptions _options;
    private readonly CommandVerifier _verifier;
    private readonly CommandFreshness _freshness;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly IntelUpdateHandler _intel;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public CommandProcessor(CommandOptions options, TrustedKeys keys, ISensorActions actions,
        ISeenCommandStore seen, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _verifier = new CommandVerifier(keys);
        _freshness = new CommandFreshness(options, seen);
        _time = time;
        _intel = new IntelUpdateHandler(actions, options);
        ICommandHandler[] handlers =
        [
            new PingHandler(options), new AckHandler(actions), new LedTestHandler(actions), _intel,
            new ConfigGetHandler(actions), new ConfigSetHandler(actions), new EvidenceGetHandler(actions, options),
        ];
        _handlers = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);
    }

    public async Task<CommandResult> HandleAsync(string nameFromTopic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var topicName = TopicLayout.IsId(nameFromTopic) ? nameFromTopic : null;
        try
        {
            return await HandleOneAsync(topicName, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        // A command must never take the service down: any fault in carrying one out becomes a result.
        catch (Exception e)
        {
            return Refused(null, topicName, Failed(e));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _intel.Dispose();
        _gate.Dispose();
    }

    private async Task<CommandResult> HandleOneAsync(string? topicName, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > _options.MaxPayloadBytes)
            return Refused(null, topicName, new CommandError(CommandErrorCodes.TooLarge, null,
                $"payload of {payload.Length} bytes is over the {_options.MaxPayloadBytes}-byte limit"));
        if (!CommandEnvelope.TryRead(payload, _options.MaxJsonDepth, out var envelope, out var error))
            return Refused(null, topicName, error);
        if (!_verifier.Verify(envelope, out var signatureError))
            return Refused(CommandBody.PeekId(envelope.Body, _options.MaxJsonDepth), topicName, signatureError!);
        if (!CommandBody.TryRead(envelope.Body, _options.MaxJsonDepth, out var command, out error))
            return Refused(CommandBody.PeekId(envelope.Body, _options.MaxJsonDepth), topicName, error);
        if (TargetError(command, topicName) is { } targetError)
            return Refused(command.Id, topicName, targetError);
        var now = _time.GetUtcNow();
        if (_freshness.Check(command, now) is { } staleError)
            return Refused(command.Id, command.Name, staleError);
        if (!_handlers.TryGetValue(command.Name, out var handler))
            return Refused(command.Id, command.Name, new CommandError(CommandErrorCodes.UnknownCommand, "name", $"no command '{command.Name}'"));
        CommandOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(command, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = Failed(e);
        }
        return new CommandResult
        {
            Id = command.Id, Name = command.Name, Ok = outcome.Ok, Error = outcome.Error, Result = outcome.Result,
            Ts = CommandTimestamp.Format(_time.GetUtcNow()),
        };
    }

    private CommandError? TargetError(CommandBody command, string? topicName)
    {
        if (command.Name != topicName)
            return new CommandError(CommandErrorCodes.WrongTarget, "name", $"the body is for command '{command.Name}', the topic for '{topicName}'");
        if (command.Agency != _options.Agency)
            return new CommandError(CommandErrorCodes.WrongTarget, "agency", $"the command is for agency '{command.Agency}', not '{_options.Agency}'");
        if (command.Sensor != _options.Sensor)
            return new CommandError(CommandErrorCodes.WrongTarget, "sensor", $"the command is for sensor '{command.Sensor}', not '{_options.Sensor}'");
        return null;
    }

    private static CommandError Failed(Exception e) =>
        new(CommandErrorCodes.Failed, null, $"the command failed ({e.GetType().Name}: {e.Message})");

    private CommandResult Refused(string? id, string? name, CommandError error) =>
        new() { Id = id, Name = name, Ok = false, Error = error, Ts = CommandTimestamp.Format(_time.GetUtcNow()) };
}

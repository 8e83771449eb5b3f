using System.Security.Cryptography;
using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Commands.Arguments;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Handlers;

/// <summary><c>evidence-get</c> <c>{"alert_id","offset"?,"length"?}</c>: one chunk of the alert's
/// pcap in base64, with the whole file's size and SHA-256, so the requester asks again from
/// <c>offset + length</c> until <c>eof</c> and checks what it put together.</summary>
internal sealed class EvidenceGetHandler(ISensorActions actions, CommandOptions options) : ICommandHandler
{
    // The requester loops over one file: its hash is worked out once, not once per chunk.
    private (string AlertId, long Length, string Sha256)? _lastHash;

    public string Name => CommandNames.EvidenceGet;

    public async ValueTask<CommandOutcome> HandleAsync(CommandBody command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new ArgReader(command.Args, "alert_id", "offset", "length");
        var alertId = args.String("alert_id", true, ArgFormats.IsUlid, "must be an alert id (a ULID)");
        var offset = args.Integer("offset", false, 0, long.MaxValue) ?? 0;
        var length = (int)(args.Integer("length", false, 1, options.MaxEvidenceChunk) ?? options.MaxEvidenceChunk);
        if (args.Error is { } error)
            return error;
        alertId = ArgFormats.NormaliseUlid(alertId!);
        try
        {
            await using var stream = actions.OpenEvidence(alertId);
            if (stream is null)
                return new CommandError(CommandErrorCodes.NotFound, "args.alert_id", $"no evidence is kept for alert {alertId}");
            if (!stream.CanRead || !stream.CanSeek)
                return new CommandError(CommandErrorCodes.Failed, null, "the evidence file cannot be read in chunks");
            var total = stream.Length;
            if (offset > total)
                return CommandError.InvalidArgument("offset", $"offset is past the end of the {total}-byte file");
            var sha256 = await HashAsync(alertId, stream, cancellationToken).ConfigureAwait(false);
            stream.Position = offset;
            var chunk = new byte[(int)Math.Min(length, total - offset)];
            await stream.ReadExactlyAsync(chunk, cancellationToken).ConfigureAwait(false);
            var result = new EvidenceChunkResult(alertId, offset, chunk.Length, total, sha256, Convert.ToBase64String(chunk), offset + chunk.Length >= total);
            return CommandOutcome.Done(result, CommandJsonContext.Default.EvidenceChunkResult);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CommandError(CommandErrorCodes.Failed, null, "reading the evidence failed: " + e.Message);
        }
    }

    private async ValueTask<string> HashAsync(string alertId, Stream stream, CancellationToken cancellationToken)
    {
        if (_lastHash is { } last && last.AlertId == alertId && last.Length == stream.Length)
            return last.Sha256;
        stream.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        _lastHash = (alertId, stream.Length, sha256);
        return sha256;
    }
}

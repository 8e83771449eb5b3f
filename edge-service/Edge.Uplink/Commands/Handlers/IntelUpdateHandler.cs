using System.Security.Cryptography;
using Edge.Uplink.Commands.Actions;
using Edge.Uplink.Commands.Arguments;
using Edge.Uplink.Commands.Results;
using Edge.Uplink.Commands.Wire;

namespace Edge.Uplink.Commands.Handlers;

/// <summary><c>intel-update</c>: a list whole (<c>{"list","sha256","data"}</c>) or in chunks (the same
/// plus <c>transfer</c>, <c>size</c>, <c>index</c>, <c>count</c>, one command per chunk, in order from 0).
/// The list is written to a temp file, checked against its SHA-256, and only then handed to the
/// service to swap in. One transfer at a time: chunk 0 of a new transfer drops an unfinished one.</summary>
internal sealed class IntelUpdateHandler(ISensorActions actions, CommandOptions options) : ICommandHandler, IDisposable
{
    public const int MaxChunks = 1_000_000;

    private IntelTransfer? _transfer;

    public string Name => CommandNames.IntelUpdate;

    public async ValueTask<CommandOutcome> HandleAsync(CommandBody command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DropStale(now);
        var args = new ArgReader(command.Args, "list", "category", "sha256", "data", "transfer", "size", "index", "count");
        var list = args.String("list", true, ArgFormats.IsListName, "must be a file name of a-z, 0-9, '.', '_' and '-'");
        var category = args.String("category", false, ArgFormats.IsCategory, "must be a category of a-z, 0-9 and '-'");
        var sha256 = args.String("sha256", true, ArgFormats.IsSha256, "must be the list's SHA-256 in hex")?.ToLowerInvariant();
        var data = args.Base64("data", true);
        if (!args.Has("transfer"))
        {
            foreach (var chunkArg in (string[])["size", "index", "count"])
            {
                if (args.Error is null && args.Has(chunkArg))
                    return CommandError.InvalidArgument("transfer", $"transfer is required with {chunkArg}");
            }
            if (args.Error is { } singleError)
                return singleError;
            return await SingleAsync(list!, category, sha256!, data!, cancellationToken).ConfigureAwait(false);
        }
        var transfer = args.String("transfer", true, ArgFormats.IsTransferId, "must be 1 to 64 of A-Z, a-z, 0-9, '.', '_' and '-'");
        var size = args.Integer("size", true, 1, long.MaxValue);
        var count = (int?)args.Integer("count", true, 1, MaxChunks);
        var index = (int?)args.Integer("index", true, 0, MaxChunks - 1);
        if (args.Error is { } error)
            return error;
        var chunk = new IntelChunk(transfer!, list!, category, sha256!, size!.Value, count!.Value, index!.Value, data!);
        return await ChunkAsync(chunk, now, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => Drop();

    private async ValueTask<CommandOutcome> SingleAsync(string list, string? category, string sha256, byte[] data, CancellationToken cancellationToken)
    {
        if (data.Length > options.MaxIntelBytes)
            return new CommandError(CommandErrorCodes.TooLarge, "args.data", $"the list is over the {options.MaxIntelBytes}-byte limit");
        if (Convert.ToHexStringLower(SHA256.HashData(data)) != sha256)
            return new CommandError(CommandErrorCodes.ChecksumMismatch, "args.sha256", "the list does not hash to sha256");
        var path = TempFiles.Create(options.WorkDirectory, list);
        try
        {
            await File.WriteAllBytesAsync(path, data, cancellationToken).ConfigureAwait(false);
            return await ApplyAsync(new IntelUpdate(list, category, path, sha256, data.Length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TempFiles.Delete(path);
        }
    }

    private async ValueTask<CommandOutcome> ChunkAsync(IntelChunk chunk, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (chunk.Size > options.MaxIntelBytes)
            return new CommandError(CommandErrorCodes.TooLarge, "args.size", $"the list is over the {options.MaxIntelBytes}-byte limit");
        if (chunk.Index >= chunk.Count)
            return CommandError.InvalidArgument("index", "index must be below count");
        if (chunk.Index == 0 && _transfer?.Id != chunk.Transfer)
        {
            Drop();
            _transfer = new IntelTransfer(chunk.Transfer, chunk.List, chunk.Category, chunk.Sha256, chunk.Size, chunk.Count,
                TempFiles.Create(options.WorkDirectory, chunk.List), now);
        }
        if (_transfer is not { } transfer || transfer.Id != chunk.Transfer)
            return CommandError.InvalidArgument("transfer", $"no transfer {chunk.Transfer} is open (timed out, failed, or never began with index 0)");
        if (chunk.Mismatch(transfer) is { } field)
            return CommandError.InvalidArgument(field, $"{field} differs from chunk 0 of this transfer");
        if (chunk.Index != transfer.Next)
            return CommandError.InvalidArgument("index", $"expected chunk {transfer.Next} of transfer {transfer.Id}");
        if (transfer.Received + chunk.Data.Length > transfer.Size)
        {
            Drop();
            return new CommandError(CommandErrorCodes.TooLarge, "args.data", $"the chunks are over the {chunk.Size} bytes of size; transfer dropped");
        }
        await transfer.AppendAsync(chunk.Data, now, cancellationToken).ConfigureAwait(false);
        if (!transfer.IsComplete)
        {
            var progress = new IntelChunkResult(transfer.Id, transfer.Next, transfer.Count, transfer.Received);
            return CommandOutcome.Done(progress, CommandJsonContext.Default.IntelChunkResult);
        }
        try
        {
            var sha256 = await transfer.FinishAsync().ConfigureAwait(false);
            if (transfer.Received != transfer.Size)
                return CommandError.InvalidArgument("size", $"received {transfer.Received} bytes, not the {transfer.Size} of size; transfer dropped");
            if (sha256 != transfer.Sha256)
                return new CommandError(CommandErrorCodes.ChecksumMismatch, "args.sha256", "the list does not hash to sha256; transfer dropped");
            var update = new IntelUpdate(transfer.List, transfer.Category, transfer.Path, sha256, transfer.Size);
            return await ApplyAsync(update, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Drop();
        }
    }

    private async ValueTask<CommandOutcome> ApplyAsync(IntelUpdate update, CancellationToken cancellationToken)
    {
        var outcome = await actions.ApplyIntelAsync(update, cancellationToken).ConfigureAwait(false);
        if (!outcome.Ok)
            return CommandError.InvalidArgument("data", "the list was refused: " + (outcome.Error ?? "no reason given"));
        var result = new IntelUpdateResult(update.List, update.Sha256, update.Size, outcome.Entries, outcome.Version);
        return CommandOutcome.Done(result, CommandJsonContext.Default.IntelUpdateResult);
    }

    private void DropStale(DateTimeOffset now)
    {
        if (_transfer is { } transfer && now - transfer.LastChunk > options.IntelTransferTimeout)
            Drop();
    }

    private void Drop()
    {
        _transfer?.Dispose();
        _transfer = null;
    }
}

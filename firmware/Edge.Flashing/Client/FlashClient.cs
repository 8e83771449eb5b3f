using System.Security.Cryptography;
using Edge.Flashing.Messages;
using Edge.Flashing.Transport;

namespace Edge.Flashing.Client;

/// <summary>
/// The laptop's end. <c>open</c> returns the port (e.g. <see cref="SerialPortStream.Opener"/> for
/// /dev/ttyACM0); when the link goes away the client opens it again, says Hello and Begin, and
/// continues from the offset the sensor confirms, for at most <see cref="FlashClientOptions.ReconnectBudget"/>
/// without progress.
/// </summary>
public sealed class FlashClient(FlashClientOptions options, Func<CancellationToken, ValueTask<Stream>> open, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public Task<FlashResult> FlashAsync(string bundlePath, IProgress<FlashProgress>? progress = null, CancellationToken cancellationToken = default) =>
        FlashAsync(bundlePath, TransferKind.Bundle, progress, cancellationToken);

    public Task<FlashResult> FlashAsync(Stream bundle, IProgress<FlashProgress>? progress = null, CancellationToken cancellationToken = default) =>
        FlashAsync(bundle, TransferKind.Bundle, progress, cancellationToken);

    public async Task<FlashResult> FlashAsync(string path, TransferKind kind, IProgress<FlashProgress>? progress, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        await using (file.ConfigureAwait(false))
            return await FlashAsync(file, kind, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="bundle"/> (seekable; a bundle or a provisioning set, as
    /// <paramref name="kind"/> says) and returns the sensor's Result.</summary>
    /// <exception cref="FlashException">The sensor sent Error or Abort, or the link stayed gone.</exception>
    public async Task<FlashResult> FlashAsync(Stream bundle, TransferKind kind, IProgress<FlashProgress>? progress, CancellationToken cancellationToken)
    {
        if (!bundle.CanSeek || !bundle.CanRead)
            throw new ArgumentException("the bundle must be readable and seekable: frames are resent from it", nameof(bundle));
        bundle.Position = 0;
        var sha256 = await SHA256.HashDataAsync(bundle, cancellationToken).ConfigureAwait(false);
        var tally = new TransferTally(bundle.Length, _time);
        while (true)
        {
            // A frame the port has not taken by the time its answer would be given up on means the link is gone.
            var stream = await OpenAsync(tally, cancellationToken).ConfigureAwait(false);
            var connection = new ClientConnection(stream, tally.LastSequence, options.MaxRetransmitTimeout, _time);
            await using (connection.ConfigureAwait(false))
            {
                try
                {
                    var session = new ClientSession(options, connection, bundle, kind, sha256, tally, progress);
                    return await session.RunAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (LinkLostException e) when (!cancellationToken.IsCancellationRequested)
                {
                    if (tally.SinceProgress > options.ReconnectBudget)
                        throw new FlashException($"no progress for {options.ReconnectBudget.TotalSeconds:0} s: {e.Message}", e);
                    tally.Reconnects++;
                }
                finally
                {
                    tally.LastSequence = connection.Link.Sequence;
                }
            }
        }
    }

    private async Task<Stream> OpenAsync(TransferTally tally, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await open(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The cable is out or the sensor is rebooting its gadget: try again until the budget is spent.
                if (tally.SinceProgress > options.ReconnectBudget)
                    throw new FlashException($"the port did not come back within {options.ReconnectBudget.TotalSeconds:0} s: {e.Message}", e);
            }
            await Task.Delay(options.ReconnectDelay, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}

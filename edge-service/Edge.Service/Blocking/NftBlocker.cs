using System.Diagnostics;
using System.Text.Json;
using Edge.Detect.Intel;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Blocking;

/// <summary>Keeps the nftables sets equal to the intel's blocked networks: the whole table at
/// <see cref="Start"/>, then one <c>flush set</c> + <c>add element</c> transaction per completed
/// intel update (<see cref="IntelHolder.Changed"/>), written on the blocker's own thread; updates
/// arriving while one is written collapse into the newest. A failed nft run is logged and
/// counted, the previous sets stay, and the next update writes the table whole again.</summary>
public sealed class NftBlocker(BlockingSettings settings, INftRunner nft, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private IntelHolder? _holder;
    private IntelSnapshot? _pending;
    private Task? _worker;
    private bool _tableWritten;

    public BlockingCounters Counters { get; } = new();

    /// <summary>Writes the table for the current snapshot and follows the holder's updates.
    /// False when nft failed (logged; later updates try again).</summary>
    public bool Start(IntelHolder holder)
    {
        _holder = holder;
        var ok = Apply(holder.Current);
        holder.Changed += OnChanged;
        _worker = Task.Run(Follow);
        return ok;
    }

    /// <summary>Writes <paramref name="snapshot"/> now, on the calling thread.</summary>
    public bool Apply(IntelSnapshot snapshot)
    {
        var clock = Stopwatch.StartNew();
        var full = !_tableWritten;
        var counts = default(ElementCounts);
        var result = nft.RunScript(w => counts = full
            ? NftScript.WriteTable(w, settings, snapshot)
            : NftScript.WriteUpdate(w, settings, snapshot));
        if (!result.Ok)
        {
            _tableWritten = false;
            Counters.Failed(result.Error);
            BlockingLog.NftFailed(logger, result.Error);
            return false;
        }
        _tableWritten = true;
        Counters.Updated(counts, clock.ElapsedMilliseconds);
        BlockingLog.Updated(logger, settings.Table, counts.V4, counts.V6, clock.ElapsedMilliseconds);
        return true;
    }

    /// <summary>Reads the drop counters from nft into <see cref="Counters"/>; false when nft failed.</summary>
    public bool ReadCounters()
    {
        var result = nft.Run("-j", "list", "counters", "table", "inet", settings.Table);
        if (!result.Ok)
            return false;
        try
        {
            using var json = JsonDocument.Parse(result.Output);
            long outbound = 0, inbound = 0;
            foreach (var item in json.RootElement.GetProperty("nftables").EnumerateArray())
            {
                if (!item.TryGetProperty("counter", out var counter))
                    continue;
                var packets = counter.GetProperty("packets").GetInt64();
                switch (counter.GetProperty("name").GetString())
                {
                    case NftScript.DroppedOut: outbound = packets; break;
                    case NftScript.DroppedIn: inbound = packets; break;
                }
            }
            Counters.Dropped(outbound, inbound);
            return true;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private void OnChanged(IntelSnapshot snapshot)
    {
        Volatile.Write(ref _pending, snapshot);
        _signal.Release();
    }

    private async Task Follow()
    {
        try
        {
            while (true)
            {
                await _signal.WaitAsync(_stop.Token).ConfigureAwait(false);
                if (Interlocked.Exchange(ref _pending, null) is { } snapshot)
                    Apply(snapshot);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>Stops following and removes the table: without the sensor nothing is blocked.</summary>
    public void Stop()
    {
        if (_holder is null)
            return;
        _holder.Changed -= OnChanged;
        _holder = null;
        _stop.Cancel();
        _worker?.Wait(TimeSpan.FromSeconds(30));
        var result = nft.Run("delete", "table", "inet", settings.Table);
        if (result.Ok)
            BlockingLog.Removed(logger, settings.Table);
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
        _signal.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Edge.Flashing.Tests.Pty;

/// <summary>
/// A cable with faults: laptop PTY ⇄ socat ⇄ TCP ⇄ this relay ⇄ TCP ⇄ socat ⇄ sensor PTY. The relay
/// cuts the laptop's bytes at frame delimiters so <see cref="Mangle"/> can flip bits or drop bytes
/// in chosen frames, throttles both directions to <see cref="BytesPerSecond"/>, and pauses on request.
/// <see cref="Pull"/> kills both socats (the PTYs vanish); <see cref="PlugIn"/> makes them again with the same names.
/// </summary>
internal sealed class FaultRelay : IAsyncDisposable
{
    private readonly TcpListener _laptopSide = new(IPAddress.Loopback, 0);
    private readonly TcpListener _sensorSide = new(IPAddress.Loopback, 0);
    private readonly string _laptopLink;
    private readonly string _sensorLink;
    private Socat? _laptopBridge;
    private Socat? _sensorBridge;
    private CancellationTokenSource? _cable;
    private Task _pumps = Task.CompletedTask;
    private volatile bool _paused;
    private int _frames;

    public FaultRelay(string laptopLink, string sensorLink)
    {
        _laptopLink = laptopLink;
        _sensorLink = sensorLink;
        _laptopSide.Start();
        _sensorSide.Start();
    }

    /// <summary>0 for no limit; 11,520 is 115200 baud 8N1.</summary>
    public int BytesPerSecond { get; init; }

    /// <summary>Given the laptop→sensor frame number and its bytes (delimiter included), what to pass on.</summary>
    public Func<int, byte[], byte[]>? Mangle { get; init; }

    public int FramesMangled { get; private set; }

    public bool Paused
    {
        get => _paused;
        set => _paused = value;
    }

    public async Task PlugInAsync()
    {
        _cable = new CancellationTokenSource();
        var laptopAccept = _laptopSide.AcceptTcpClientAsync(_cable.Token).AsTask();
        var sensorAccept = _sensorSide.AcceptTcpClientAsync(_cable.Token).AsTask();
        _laptopBridge = Socat.Bridge(_laptopLink, ((IPEndPoint)_laptopSide.LocalEndpoint).Port);
        _sensorBridge = Socat.Bridge(_sensorLink, ((IPEndPoint)_sensorSide.LocalEndpoint).Port);
        var laptop = await laptopAccept.WaitAsync(TimeSpan.FromSeconds(5));
        var sensor = await sensorAccept.WaitAsync(TimeSpan.FromSeconds(5));
        laptop.NoDelay = sensor.NoDelay = true;
        var token = _cable.Token;
        _pumps = Task.WhenAll(
            PumpAsync(laptop.GetStream(), sensor.GetStream(), mangle: true, token),
            PumpAsync(sensor.GetStream(), laptop.GetStream(), mangle: false, token))
            .ContinueWith(_ => { laptop.Dispose(); sensor.Dispose(); }, TaskScheduler.Default);
    }

    public async Task PullAsync()
    {
        _laptopBridge?.Dispose();
        _sensorBridge?.Dispose();
        if (_cable is not null)
            await _cable.CancelAsync();
        await _pumps;
        _cable?.Dispose();
        _cable = null;
    }

    private async Task PumpAsync(Stream from, Stream to, bool mangle, CancellationToken token)
    {
        var buffer = new byte[8192];
        var pending = new List<byte>();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        try
        {
            while (true)
            {
                int n = await from.ReadAsync(buffer, token);
                if (n == 0)
                    break;
                while (_paused)
                    await Task.Delay(20, token);
                if (!mangle || Mangle is null)
                {
                    sent = await WriteThrottledAsync(to, buffer.AsMemory(0, n), sent, clock, token);
                    continue;
                }
                for (int i = 0; i < n; i++)
                {
                    pending.Add(buffer[i]);
                    if (buffer[i] != 0)
                        continue;
                    var segment = pending.ToArray();
                    pending.Clear();
                    if (segment.Length > 1)
                    {
                        var changed = Mangle(++_frames, segment.ToArray());
                        if (!changed.AsSpan().SequenceEqual(segment))
                            FramesMangled++;
                        segment = changed;
                    }
                    sent = await WriteThrottledAsync(to, segment, sent, clock, token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            to.Dispose();
        }
    }

    /// <summary>Writes in slices of at most 256 bytes, never ahead of the rate: a UART drains its FIFO evenly too.</summary>
    private async Task<long> WriteThrottledAsync(Stream to, ReadOnlyMemory<byte> bytes, long sent, Stopwatch clock, CancellationToken token)
    {
        if (BytesPerSecond <= 0)
        {
            await to.WriteAsync(bytes, token);
            return sent + bytes.Length;
        }
        while (!bytes.IsEmpty)
        {
            var slice = bytes[..Math.Min(256, bytes.Length)];
            var due = TimeSpan.FromSeconds((double)(sent + slice.Length) / BytesPerSecond) - clock.Elapsed;
            if (due > TimeSpan.Zero)
                await Task.Delay(due, token);
            await to.WriteAsync(slice, token);
            sent += slice.Length;
            bytes = bytes[slice.Length..];
        }
        return sent;
    }

    public async ValueTask DisposeAsync()
    {
        await PullAsync();
        _laptopSide.Stop();
        _sensorSide.Stop();
        _laptopSide.Dispose();
        _sensorSide.Dispose();
    }
}

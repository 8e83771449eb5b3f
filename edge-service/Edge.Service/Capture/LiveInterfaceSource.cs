using Edge.Service.Configuration;
using Edge.Watch.Link;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Edge.Service.Capture;

/// <summary>Frames from a network interface through libpcap (the mirror/SPAN port). Frames are read
/// with <c>pcap_next_ex</c> pointers into libpcap's ring: nothing is copied or allocated per packet.</summary>
public sealed unsafe class LiveInterfaceSource : IFrameSource
{
    private const int WaitMilliseconds = 100;
    private const string AnyInterface = "any";
    private static readonly TimeSpan s_housekeepingInterval = TimeSpan.FromSeconds(1);

    private readonly LibPcapLiveDevice _device;
    private readonly string _name;
    private readonly int _socket;
    private readonly TimeProvider _time;
    private readonly CaptureCountersRecorder _counters = new();
    private WrappingCounter _kernelDrops;
    private WrappingCounter _interfaceDrops;
    private long _lastHousekeeping;
    private volatile bool _stopRequested;
    private bool _disposed;
    private volatile string? _error;
    private bool _ended;

    private LiveInterfaceSource(LibPcapLiveDevice device, int socket, string filter, TimeProvider time)
    {
        _device = device;
        _name = device.Name;
        _socket = socket;
        _time = time;
        _lastHousekeeping = time.GetTimestamp();
        LinkType = LinkTypes.FromDataLink((int)device.LinkType);
        Description = filter.Length == 0 ? $"interface {_name}" : $"interface {_name}, filter '{filter}'";
    }

    public string Description { get; }

    public LinkType LinkType { get; }

    public string? Error => _error;

    public CaptureCounters Counters => _counters.Snapshot;

    /// <summary>Opens <see cref="CaptureSettings.Interface"/> with the settings' promiscuous mode,
    /// snap length, buffer and filter.</summary>
    /// <exception cref="ConfigurationException">No such interface (the message lists those there are), or the filter does not compile.</exception>
    /// <exception cref="CaptureException">libpcap is missing or refused the interface (permission, down).</exception>
    public static LiveInterfaceSource Open(CaptureSettings settings, TimeProvider? time = null)
    {
        if (!PcapRecordHeader.LayoutSupported)
            throw new PlatformNotSupportedException("live capture expects the 64-bit Linux pcap_pkthdr layout");
        var device = LiveInterfaces.Find(settings.Interface);
        try
        {
            var socket = Activate(device, settings);
            SetFilter(device, settings.Filter);
            return new LiveInterfaceSource(device, socket, settings.Filter, time ?? TimeProvider.System);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    public CaptureRead Read(out CapturedFrame frame)
    {
        frame = default;
        if (_ended || _disposed)
            return CaptureRead.End;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (_stopRequested)
                return End(null);
            nint header = 0;
            nint data = 0;
            var status = _device.GetNextPacketPointers(ref header, ref data);
            if (status == 1)
            {
                PcapRecordHeader.Read(header, out var seconds, out var micros, out var captured, out var wire);
                frame = new CapturedFrame((seconds * 1_000_000) + micros, wire, new ReadOnlySpan<byte>((void*)data, captured));
                _counters.Frame(wire);
                if (_time.GetElapsedTime(_lastHousekeeping) >= s_housekeepingInterval)
                    Housekeeping();
                return CaptureRead.Frame;
            }
            // 0: nothing ready (non-blocking); -1: an error such as "The interface disappeared".
            if (status != 0)
                return End(_device.LastError);
            if (attempt == 0 && PacketSocket.Wait(_socket, WaitMilliseconds) == SocketWait.Timeout)
                break;
        }
        if (_time.GetElapsedTime(_lastHousekeeping) >= s_housekeepingInterval)
            Housekeeping();
        else
            CheckInterface();
        if (_ended)
            return CaptureRead.End;
        return _stopRequested ? End(null) : CaptureRead.Idle;
    }

    public void Stop() => _stopRequested = true;

    public void Dispose()
    {
        _stopRequested = true;
        _disposed = true;
        _device.Dispose();
    }

    private static int Activate(LibPcapLiveDevice device, CaptureSettings settings)
    {
        var configuration = new DeviceConfiguration
        {
            Mode = settings.Promiscuous ? DeviceModes.Promiscuous : DeviceModes.None,
            Snaplen = settings.SnapLength,
            BufferSize = settings.BufferMiB * 1024 * 1024,
            // Also the kernel's block timeout of TPACKET_V3 (not immediate mode, on purpose: blocks
            // pack frames by their size, where V2's fixed slots sized for GRO's 64 KiB frames would
            // fit a few hundred packets in the whole buffer).
            ReadTimeout = WaitMilliseconds,
            Immediate = false,
        };
        try
        {
            device.Open(configuration);
            // Read never blocks in libpcap; it waits in PacketSocket.Wait, bounded, so it can idle and stop.
            device.NonBlockingMode = true;
        }
        catch (Exception e) when (e is PcapException or PlatformNotSupportedException)
        {
            var detail = device.Handle.IsInvalid ? "" : device.LastError;
            var reason = string.IsNullOrWhiteSpace(detail) ? e.Message : $"{e.Message} {detail}";
            throw new CaptureException($"cannot capture on interface {device.Name}: {reason}", e);
        }
        var socket = LibPcapNative.SelectableFileDescriptor(device.Handle);
        if (socket < 0)
            throw new CaptureException($"cannot capture on interface {device.Name}: libpcap gave no pollable descriptor");
        return socket;
    }

    private static void SetFilter(LibPcapLiveDevice device, string filter)
    {
        if (filter.Length == 0)
            return;
        try
        {
            device.Filter = filter;
        }
        catch (PcapException e)
        {
            throw new ConfigurationException("Edge:Capture:Filter", $"the capture filter '{filter}' is refused by libpcap: {e.Message}");
        }
    }

    private CaptureRead End(string? error)
    {
        _ended = true;
        RefreshStatistics();
        if (error is not null)
            _error = $"interface {_name}: {error}";
        return CaptureRead.End;
    }

    /// <summary>About once a second, busy or not: drop counters, and whether the interface is still there.</summary>
    private void Housekeeping()
    {
        _lastHousekeeping = _time.GetTimestamp();
        RefreshStatistics();
        CheckInterface();
    }

    /// <summary>Also on every idle read: libpcap takes the socket's ENETDOWN itself and, the interface
    /// still existing, waits for it to come back up, so a read alone never tells.</summary>
    private void CheckInterface()
    {
        if (_name == AnyInterface)
            return;
        var state = PacketSocket.State(_socket, _name);
        if (state == InterfaceState.Gone)
            End("the interface disappeared");
        else if (state == InterfaceState.Down)
            End("the interface went down");
    }

    private void RefreshStatistics()
    {
        if (!LibPcapNative.TryReadStatistics(_device.Handle, out var kernel, out var @interface))
            return;
        _kernelDrops.Update(kernel);
        _interfaceDrops.Update(@interface);
        _counters.Drops(_kernelDrops.Total, _interfaceDrops.Total);
    }
}

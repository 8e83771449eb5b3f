using Edge.Service.Configuration;
using Edge.Watch.Link;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Edge.Service.Capture;

/// <summary>Frames from a network interface through libpcap (the mirror/SPAN port). Frames are read
/// with <c>pcap_next_ex</c> pointers into libpcap's ring: nothing is copied or allocated per packet.</summary>
public sealed unsafe class LiveInterfaceSource : IFrameSource
{
    private const int ReadTimeoutMilliseconds = 100;
    private static readonly TimeSpan s_statisticsInterval = TimeSpan.FromSeconds(1);

    private readonly LibPcapLiveDevice _device;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly CaptureCountersRecorder _counters = new();
    private WrappingCounter _kernelDrops;
    private WrappingCounter _interfaceDrops;
    private long _statisticsRead;
    private volatile bool _stopRequested;
    private volatile string? _error;
    private bool _ended;

    private LiveInterfaceSource(LibPcapLiveDevice device, string filter, TimeProvider time)
    {
        _device = device;
        _name = device.Name;
        _time = time;
        _statisticsRead = time.GetTimestamp();
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
            Activate(device, settings);
            SetFilter(device, settings.Filter);
            return new LiveInterfaceSource(device, settings.Filter, time ?? TimeProvider.System);
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
        if (_ended)
            return CaptureRead.End;
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
            RefreshStatisticsIfDue();
            return CaptureRead.Frame;
        }
        if (status == 0)
        {
            RefreshStatisticsIfDue();
            return _stopRequested ? End(null) : CaptureRead.Idle;
        }
        // -1: the interface went down or away, or the socket failed; -2: pcap_breakloop.
        return End(status == -1 ? _device.LastError : null);
    }

    public void Stop() => _stopRequested = true;

    public void Dispose()
    {
        _stopRequested = true;
        _device.Dispose();
    }

    private static void Activate(LibPcapLiveDevice device, CaptureSettings settings)
    {
        var configuration = new DeviceConfiguration
        {
            Mode = settings.Promiscuous ? DeviceModes.Promiscuous : DeviceModes.None,
            Snaplen = settings.SnapLength,
            BufferSize = settings.BufferMiB * 1024 * 1024,
            ReadTimeout = ReadTimeoutMilliseconds,
            // Not only for latency: without immediate mode Linux libpcap uses TPACKET_V3, whose
            // read blocks on a quiet link past the timeout, and Read could neither idle nor stop.
            Immediate = true,
        };
        try
        {
            device.Open(configuration);
        }
        catch (Exception e) when (e is PcapException or PlatformNotSupportedException)
        {
            var detail = device.Handle.IsInvalid ? "" : device.LastError;
            var reason = string.IsNullOrWhiteSpace(detail) ? e.Message : $"{e.Message} {detail}";
            throw new CaptureException($"cannot capture on interface {device.Name}: {reason}", e);
        }
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

    private void RefreshStatisticsIfDue()
    {
        if (_time.GetElapsedTime(_statisticsRead) >= s_statisticsInterval)
            RefreshStatistics();
    }

    private void RefreshStatistics()
    {
        _statisticsRead = _time.GetTimestamp();
        if (!LibPcapStats.TryRead(_device.Handle, out var kernel, out var @interface))
            return;
        _kernelDrops.Update(kernel);
        _interfaceDrops.Update(@interface);
        _counters.Drops(_kernelDrops.Total, _interfaceDrops.Total);
    }
}

using Edge.Watch.Link;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Edge.Service.Capture;

/// <summary>Reads pcap and pcapng files through libpcap (SharpPcap). Frames are read with
/// <c>pcap_next_ex</c> pointers, so nothing is copied or allocated per packet.</summary>
public sealed unsafe class PcapFileSource : ICaptureSource
{
    private const int RecordOverhead = 16;

    private readonly CaptureFileReaderDevice _device;

    public PcapFileSource(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"capture file not found: {path}", path);
        if (!PcapRecordHeader.LayoutSupported)
            throw new PlatformNotSupportedException("the pcap reader expects 64-bit Linux pcap_pkthdr layout");
        Name = path;
        Length = new FileInfo(path).Length;
        _device = new CaptureFileReaderDevice(path);
        try
        {
            _device.Open(new DeviceConfiguration { TimestampResolution = TimestampResolution.Microsecond });
        }
        catch (PcapException e)
        {
            _device.Dispose();
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        LinkType = LinkTypes.FromDataLink((int)_device.LinkType);
    }

    public string Name { get; }

    public LinkType LinkType { get; }

    public long Position { get; private set; }

    public long Length { get; }

    public string? Error { get; private set; }

    /// <summary>Records whose time was outside 1970..9999 (clamped).</summary>
    public long BadTimestamps { get; private set; }

    public bool TryRead(out CapturedFrame frame)
    {
        var header = IntPtr.Zero;
        var data = IntPtr.Zero;
        var status = _device.GetNextPacketPointers(ref header, ref data);
        if (status != 1)
        {
            frame = default;
            // -2 is the end of the file; -1 an error, such as a file cut short in the middle of a record.
            if (status == -1)
                Error = _device.LastError;
            return false;
        }
        PcapRecordHeader.Read(header, out var seconds, out var micros, out var captured, out var wire);
        Position += captured + RecordOverhead;
        frame = new CapturedFrame(Timestamp(seconds, micros), wire, new ReadOnlySpan<byte>((void*)data, captured));
        return true;
    }

    public void Dispose() => _device.Dispose();

    /// <summary>Microseconds since 1970; a damaged record's absurd time is clamped and counted
    /// instead of wrapping around (which would expire every flow at once).</summary>
    private long Timestamp(long seconds, long micros)
    {
        const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
        if (seconds is >= 0 and <= MaxSeconds && micros is >= 0 and < 1_000_000)
            return (seconds * 1_000_000) + micros;
        BadTimestamps++;
        return Math.Clamp(seconds, 0, MaxSeconds) * 1_000_000;
    }
}

using System.Buffers;

namespace Edge.Detect.Evidence;

/// <summary>The packets of one alerting flow as pcap records (no file header), in a pooled buffer
/// that starts at what the alert found plus a little and doubles as packets follow (most alerting
/// flows are short). The writer owns it once queued and calls <see cref="Release"/>.</summary>
public sealed class EvidenceCapture
{
    private byte[]? _buffer;

    public EvidenceCapture(string fileName, ulong flowId, ushort linkType, int snapLength, int capacity, int packetsAfter, long deadlineMicros)
    {
        FileName = fileName;
        FlowId = flowId;
        LinkType = linkType;
        SnapLength = snapLength;
        _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        Remaining = packetsAfter;
        DeadlineMicros = deadlineMicros;
    }

    /// <summary>The file's name inside the store: <c>&lt;alert id&gt;.pcap</c>.</summary>
    public string FileName { get; }

    public ulong FlowId { get; }

    /// <summary>pcap LINKTYPE_ of every record.</summary>
    public ushort LinkType { get; }

    public int SnapLength { get; }

    public int Packets { get; private set; }

    public int Length { get; private set; }

    /// <summary>The pcap records, oldest first; empty once released.</summary>
    public ReadOnlySpan<byte> Records => _buffer is null ? default : _buffer.AsSpan(0, Length);

    internal int Remaining { get; set; }

    internal long DeadlineMicros { get; }

    /// <summary>Appends one packet (growing the buffer when it is full).</summary>
    public void Add(long timestampMicros, ReadOnlySpan<byte> data, int originalLength)
    {
        var destination = Room(PcapFormat.RecordHeaderLength + data.Length);
        PcapFormat.WriteRecordHeader(destination, timestampMicros, data.Length, originalLength);
        data.CopyTo(destination[PcapFormat.RecordHeaderLength..]);
        Length += PcapFormat.RecordHeaderLength + data.Length;
        Packets++;
    }

    /// <summary>Appends one packet held in two pieces (it wrapped around the end of the ring).</summary>
    public void Add(long timestampMicros, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, int originalLength)
    {
        var captured = first.Length + second.Length;
        var destination = Room(PcapFormat.RecordHeaderLength + captured);
        PcapFormat.WriteRecordHeader(destination, timestampMicros, captured, originalLength);
        first.CopyTo(destination[PcapFormat.RecordHeaderLength..]);
        second.CopyTo(destination[(PcapFormat.RecordHeaderLength + first.Length)..]);
        Length += PcapFormat.RecordHeaderLength + captured;
        Packets++;
    }

    private Span<byte> Room(int bytes)
    {
        var buffer = _buffer ?? throw new InvalidOperationException("the capture was released");
        if (buffer.Length - Length < bytes)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, Length + bytes));
            buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = buffer = larger;
        }
        return buffer.AsSpan(Length);
    }

    /// <summary>Gives the buffer back to the pool; the records are gone after this.</summary>
    public void Release()
    {
        var buffer = _buffer;
        _buffer = null;
        Length = 0;
        if (buffer is not null)
            ArrayPool<byte>.Shared.Return(buffer);
    }
}

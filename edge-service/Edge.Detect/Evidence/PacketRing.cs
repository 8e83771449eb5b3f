namespace Edge.Detect.Evidence;

/// <summary>The most recent packets of every flow, in one fixed byte ring and a fixed record index.
/// Records are numbered in arrival order; each links to the previous record of its flow. A record
/// is live while both its index slot and its bytes have not been overwritten, which two subtractions
/// tell, so a stale link is never followed into another packet's bytes.</summary>
internal sealed class PacketRing
{
    private readonly byte[] _data;
    private readonly Record[] _records;
    private readonly int _recordMask;
    private long _next;
    private long _written;
    private int _offset;

    public PacketRing(int bytes, int records)
    {
        _data = new byte[bytes];
        _records = new Record[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)records)];
        _recordMask = _records.Length - 1;
    }

    public int Capacity => _records.Length;

    /// <summary>Copies a packet in (the caller has cut it to the snap length) and returns its number.</summary>
    public long Append(ReadOnlySpan<byte> data, long timestampMicros, int wireLength, ushort linkType, ulong flowId, long previous)
    {
        var sequence = _next++;
        ref var record = ref _records[(int)(sequence & _recordMask)];
        record.Position = _written;
        record.TimestampMicros = timestampMicros;
        record.Previous = previous;
        record.FlowId = flowId;
        record.Length = data.Length;
        record.WireLength = wireLength;
        record.LinkType = linkType;
        var first = Math.Min(data.Length, _data.Length - _offset);
        data[..first].CopyTo(_data.AsSpan(_offset));
        data[first..].CopyTo(_data);
        _offset += data.Length;
        if (_offset >= _data.Length)
            _offset -= _data.Length;
        _written += data.Length;
        return sequence;
    }

    /// <summary>True while the record's index slot and bytes are both still its own.</summary>
    public bool IsLive(long sequence) =>
        sequence >= 0 && sequence < _next && _next - sequence <= _records.Length
        && _records[(int)(sequence & _recordMask)].Position >= _written - _data.Length;

    public ref readonly Record this[long sequence] => ref _records[(int)(sequence & _recordMask)];

    /// <summary>The record's bytes, in two pieces when they wrap around the end of the ring.</summary>
    public void Bytes(in Record record, out ReadOnlySpan<byte> first, out ReadOnlySpan<byte> second)
    {
        var offset = (int)(record.Position % _data.Length);
        var head = Math.Min(record.Length, _data.Length - offset);
        first = _data.AsSpan(offset, head);
        second = _data.AsSpan(0, record.Length - head);
    }

    internal struct Record
    {
        public long Position;
        public long TimestampMicros;
        public long Previous;
        public ulong FlowId;
        public int Length;
        public int WireLength;
        public ushort LinkType;
    }
}

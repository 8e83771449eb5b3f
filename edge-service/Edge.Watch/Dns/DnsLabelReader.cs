namespace Edge.Watch.Dns;

/// <summary>Walks the labels of one wire-format name, following compression pointers
/// (RFC 1035 §4.1.4). Every pointer must land strictly before the run of labels it ends and
/// after the header, so the walk always terminates; hops and octets are capped besides.</summary>
internal ref struct DnsLabelReader
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly DnsError _truncated;
    private int _position;
    private int _limit;
    private int _floor;
    private int _hops;
    private int _octets;
    private bool _done;

    /// <param name="limit">Where the inline labels must end (the RDATA end for a name inside RDATA).</param>
    /// <param name="truncated">The error to report when the labels run past <paramref name="limit"/>.</param>
    public DnsLabelReader(ReadOnlySpan<byte> message, int offset, int limit, DnsError truncated)
    {
        _message = message;
        _truncated = truncated;
        _limit = Math.Min(limit, message.Length);
        _position = offset < 0 ? _limit : offset;
        _floor = _position;
        End = -1;
    }

    /// <summary>Offset just past the name where it was written (its terminal zero or first pointer).</summary>
    public int End { get; private set; }

    /// <summary>True with the next label; false at the end of the name (error None) or on an error.</summary>
    public bool TryNext(out ReadOnlySpan<byte> label, out DnsError error)
    {
        label = default;
        while (!_done)
        {
            if (_position >= _limit)
                return Fail(_truncated, out error);
            var length = _message[_position];
            switch (length & 0xC0)
            {
                case 0x00:
                    if (length == 0)
                    {
                        if (End < 0)
                            End = _position + 1;
                        _done = true;
                        break;
                    }
                    var next = _position + 1 + length;
                    if (next > _limit)
                        return Fail(_truncated, out error);
                    _octets += 1 + length;
                    if (_octets >= DnsLimits.MaxNameOctets) // the root octet still has to fit
                        return Fail(DnsError.NameTooLong, out error);
                    label = _message.Slice(_position + 1, length);
                    _position = next;
                    error = DnsError.None;
                    return true;
                case 0xC0:
                    if (_position + 1 >= _limit)
                        return Fail(_truncated, out error);
                    var target = ((length & 0x3F) << 8) | _message[_position + 1];
                    if (End < 0)
                        End = _position + 2;
                    if (target < DnsLimits.HeaderLength || target >= _floor)
                        return Fail(DnsError.BadPointer, out error);
                    if (++_hops > DnsLimits.MaxPointerHops)
                        return Fail(DnsError.TooManyPointers, out error);
                    _position = target;
                    _floor = target;
                    _limit = _message.Length;
                    break;
                default:
                    // 0b01 is the extended label type RFC 6891 §5 retired; 0b10 is reserved.
                    return Fail(DnsError.BadLabelType, out error);
            }
        }
        error = DnsError.None;
        return false;
    }

    private bool Fail(DnsError reason, out DnsError error)
    {
        _done = true;
        error = reason;
        return false;
    }
}

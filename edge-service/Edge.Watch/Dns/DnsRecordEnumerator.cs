namespace Edge.Watch.Dns;

/// <summary>Answer, authority and additional records in wire order, OPT included.</summary>
public ref struct DnsRecordEnumerator
{
    private readonly ReadOnlySpan<byte> _message;
    private readonly int _answers;
    private readonly int _authority;
    private readonly int _total;
    private int _offset;
    private int _index;
    private DnsRecord _current;

    internal DnsRecordEnumerator(ReadOnlySpan<byte> message, int offset, int answers, int authority, int additional)
    {
        _message = message;
        _offset = offset;
        _answers = answers;
        _authority = authority;
        _total = answers + authority + additional;
    }

    public readonly DnsRecord Current => _current;

    public readonly DnsRecordEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_index >= _total)
            return false;
        var section = DnsRecordWalker.SectionOf(_index, _answers, _authority);
        if (DnsRecordWalker.TryRead(_message, _offset, section, out _current, out _offset) != DnsError.None)
        {
            // Only reachable for a message that did not come from DnsMessageReader.TryParse.
            _index = _total;
            return false;
        }
        _index++;
        return true;
    }
}

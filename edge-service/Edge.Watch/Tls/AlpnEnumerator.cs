namespace Edge.Watch.Tls;

/// <summary>Protocol names of an ALPN extension (RFC 7301 §3.1), in the client's order.</summary>
public ref struct AlpnEnumerator
{
    private ReadOnlySpan<byte> _rest;

    /// <param name="names">the ProtocolNameList body, without its 2-byte length.</param>
    internal AlpnEnumerator(ReadOnlySpan<byte> names)
    {
        _rest = names;
        Current = default;
    }

    public ReadOnlySpan<byte> Current { get; private set; }

    public readonly AlpnEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_rest.IsEmpty)
            return false;
        int length = _rest[0];
        if (length == 0 || length > _rest.Length - 1)
        {
            _rest = default;
            return false;
        }
        Current = _rest.Slice(1, length);
        _rest = _rest[(1 + length)..];
        return true;
    }
}

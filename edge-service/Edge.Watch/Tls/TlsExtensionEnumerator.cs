using System.Buffers.Binary;

namespace Edge.Watch.Tls;

/// <summary>Walks an extensions block already validated by <see cref="ClientHelloReader"/>;
/// stops quietly on anything short.</summary>
public ref struct TlsExtensionEnumerator
{
    private ReadOnlySpan<byte> _rest;

    internal TlsExtensionEnumerator(ReadOnlySpan<byte> extensions)
    {
        _rest = extensions;
        Current = default;
    }

    public TlsExtension Current { get; private set; }

    public readonly TlsExtensionEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_rest.Length < 4)
            return false;
        var type = BinaryPrimitives.ReadUInt16BigEndian(_rest);
        int length = BinaryPrimitives.ReadUInt16BigEndian(_rest[2..]);
        if (length > _rest.Length - 4)
        {
            _rest = default;
            return false;
        }
        Current = new TlsExtension(type, _rest.Slice(4, length));
        _rest = _rest[(4 + length)..];
        return true;
    }
}

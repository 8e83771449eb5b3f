using System.Buffers.Binary;

namespace Edge.Watch.Tls;

/// <summary>Versions of a ClientHello supported_versions extension (RFC 8446 §4.2.1), GREASE included.</summary>
public ref struct SupportedVersionEnumerator
{
    private ReadOnlySpan<byte> _rest;

    /// <param name="versions">the versions list body, without its 1-byte length.</param>
    internal SupportedVersionEnumerator(ReadOnlySpan<byte> versions)
    {
        _rest = versions;
        Current = 0;
    }

    public ushort Current { get; private set; }

    public readonly SupportedVersionEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_rest.Length < 2)
            return false;
        Current = BinaryPrimitives.ReadUInt16BigEndian(_rest);
        _rest = _rest[2..];
        return true;
    }
}

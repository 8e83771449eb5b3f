namespace Edge.Firmware.Tests.TestSupport;

/// <summary>A seekable sink that keeps only the first bytes written (the bundle's header, manifest
/// and signature) and discards the payload, so a huge bundle can be written without storing it.</summary>
internal sealed class PrefixOnlyStream(int keep) : Stream
{
    private readonly byte[] _prefix = new byte[keep];
    private long _position;
    private long _length;

    public byte[] Prefix(int length) => _prefix[..length];

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_position < keep)
            buffer[..(int)Math.Min(buffer.Length, keep - _position)].CopyTo(_prefix.AsSpan((int)_position));
        _position += buffer.Length;
        _length = Math.Max(_length, _position);
    }

    public override bool CanRead => false;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _position; set => _position = value; }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => _length + offset,
    };
    public override void SetLength(long value) => _length = value;
}

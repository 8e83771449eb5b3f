namespace Edge.Firmware.Tests.TestSupport;

/// <summary>A read-only stream of <c>length</c> deterministic bytes made on the fly (byte i is a
/// hash of i), so a test can stream hundreds of MiB without holding them.</summary>
internal sealed class PatternStream(long length) : Stream
{
    private long _position;

    public static byte At(long i) => (byte)((i * 0x9E3779B1L) >> 13);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++)
            buffer[i] = At(_position + i);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

namespace Edge.Firmware.Tests.TestSupport;

/// <summary>Reads one stream, then the next.</summary>
internal sealed class ConcatStream(Stream first, Stream second) : Stream
{
    private bool _onSecond;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!_onSecond)
        {
            var n = first.Read(buffer);
            if (n > 0)
                return n;
            _onSecond = true;
        }
        return second.Read(buffer);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

using System.IO.Ports;

namespace Edge.Flashing.Transport;

/// <summary>
/// A serial device as a <see cref="Stream"/>: /dev/ttyGS0 on the sensor (USB gadget), /dev/ttyACM0
/// on the laptop. Opens 8N1 without flow control at <c>baudRate</c>; a USB CDC-ACM link and a PTY
/// ignore the rate, a real UART does not. Disposing closes the port.
/// </summary>
public sealed class SerialPortStream : Stream
{
    private readonly SerialPort _port;
    private readonly Stream _inner;

    private SerialPortStream(SerialPort port)
    {
        _port = port;
        _inner = port.BaseStream;
    }

    public const int DefaultBaudRate = 115200;

    public static SerialPortStream Open(string path, int baudRate = DefaultBaudRate)
    {
        var port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = SerialPort.InfiniteTimeout,
            ReadBufferSize = 64 * 1024,
            WriteBufferSize = 64 * 1024,
        };
        try
        {
            port.Open();
            return new SerialPortStream(port);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <summary>An opener for <see cref="Client.FlashClient"/> and <see cref="Agent.FlashAgent"/> that reopens the same path.</summary>
    public static Func<CancellationToken, ValueTask<Stream>> Opener(string path, int baudRate = DefaultBaudRate)
        => _ => ValueTask.FromResult<Stream>(Open(path, baudRate));

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
    public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);
    public override void Flush() => _inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // SerialPort.Close can throw once the device has gone (cable pulled): it is gone either way.
            try { _port.Dispose(); } catch (IOException) { }
        }
        base.Dispose(disposing);
    }
}

using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Edge.Service.Systemd;

/// <summary>One entry in journald's native protocol (systemd.journal-fields(7), "Native Journal
/// Protocol"): <c>NAME=value\n</c>, or for a value with a newline <c>NAME\n</c>, its length as a
/// little-endian 64-bit integer, the bytes, <c>\n</c>. The entry never grows past its capacity: the
/// field that does not fit is cut with a marker and later fields are left out, so the datagram is
/// never refused for its size.</summary>
internal sealed class JournalEntry(int capacity)
{
    private static readonly byte[] s_marker = "…[truncated]"u8.ToArray();

    private readonly byte[] _buffer = new byte[capacity];
    private int _length;

    public bool Truncated { get; private set; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        Truncated = false;
    }

    /// <param name="name">A valid field name (see <see cref="JournalFieldName"/>).</param>
    public void Add(string name, ReadOnlySpan<char> value)
    {
        if (Truncated)
            return;
        var valueLength = Encoding.UTF8.GetByteCount(value);
        var binary = value.Contains('\n');
        var needed = name.Length + valueLength + (binary ? 10 : 2);
        if (_length + needed <= _buffer.Length)
        {
            Write(name, value, valueLength, binary);
            return;
        }
        Truncated = true;
        var room = _buffer.Length - _length - name.Length - 10 - s_marker.Length;
        if (room > 0)
            WriteCut(name, value, room);
    }

    private void Write(string name, ReadOnlySpan<char> value, int valueLength, bool binary)
    {
        var span = _buffer.AsSpan(_length);
        var at = Encoding.ASCII.GetBytes(name, span);
        if (binary)
        {
            span[at++] = (byte)'\n';
            BinaryPrimitives.WriteUInt64LittleEndian(span[at..], (ulong)valueLength);
            at += 8;
        }
        else
        {
            span[at++] = (byte)'=';
        }
        at += Encoding.UTF8.GetBytes(value, span[at..]);
        span[at++] = (byte)'\n';
        _length += at;
    }

    /// <summary>As much of the value as fits in <paramref name="room"/> bytes, whole characters only,
    /// then the marker; always the binary form, which holds any bytes.</summary>
    private void WriteCut(string name, ReadOnlySpan<char> value, int room)
    {
        var span = _buffer.AsSpan(_length);
        var at = Encoding.ASCII.GetBytes(name, span);
        span[at++] = (byte)'\n';
        var lengthAt = at;
        at += 8;
        Utf8.FromUtf16(value, span.Slice(at, room), out _, out var written);
        s_marker.CopyTo(span[(at + written)..]);
        var valueLength = written + s_marker.Length;
        BinaryPrimitives.WriteUInt64LittleEndian(span[lengthAt..], (ulong)valueLength);
        at += valueLength;
        span[at++] = (byte)'\n';
        _length += at;
    }
}

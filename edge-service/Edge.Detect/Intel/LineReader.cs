namespace Edge.Detect.Intel;

/// <summary>Reads a stream line by line into one reused buffer: no string per line and never the
/// whole file in memory. A line longer than the buffer comes back as <see cref="Overlong"/> and
/// is skipped to its end. A leading UTF-8 BOM is dropped.</summary>
internal sealed class LineReader(Stream stream, int bufferSize = 64 * 1024)
{
    private readonly byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    public long LineNumber { get; private set; }

    public bool Overlong { get; private set; }

    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        Overlong = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(newline, newline + 1);
                return true;
            }
            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }
                line = Take(_end - _start, _end - _start);
                return true;
            }
            if (_start == 0 && _end == _buffer.Length)
            {
                SkipOverlong();
                line = default;
                return true;
            }
            Fill();
        }
    }

    private ReadOnlySpan<byte> Take(int length, int consumed)
    {
        var line = _buffer.AsSpan(_start, length);
        _start += consumed;
        LineNumber++;
        if (_first)
        {
            _first = false;
            if (line.StartsWith("\uFEFF"u8))
                line = line[3..];
        }
        return line;
    }

    private void SkipOverlong()
    {
        Overlong = true;
        LineNumber++;
        _first = false;
        while (true)
        {
            _start = _end = 0;
            Fill();
            var newline = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                return;
            }
            if (_eof)
            {
                _start = _end;
                return;
            }
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        _end += read;
    }
}

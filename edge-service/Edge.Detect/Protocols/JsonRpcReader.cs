namespace Edge.Detect.Protocols;

/// <summary>A small, bounded JSON tokenizer (RFC 8259 syntax) that walks newline-delimited
/// JSON-RPC objects and keeps only what <see cref="JsonRpcFacts"/> needs. It never allocates or
/// throws; every loop advances, so time is linear in the payload. An object that is malformed,
/// too deep or cut off at the end of the payload is skipped up to the next newline (raw newlines
/// cannot occur inside JSON strings, so a newline is a safe place to resynchronise).</summary>
internal ref struct JsonRpcReader
{
    public const int MaxDepth = 16;
    public const int MaxStringLength = 4096;

    private readonly ReadOnlySpan<byte> _json;
    private int _position;

    public JsonRpcReader(ReadOnlySpan<byte> json)
    {
        _json = json;
    }

    /// <summary>Reads the next complete top-level object; false when the payload holds no more.</summary>
    public bool TryReadMessage(out JsonRpcFacts facts)
    {
        while (true)
        {
            SkipWhitespace();
            if (_position >= _json.Length)
            {
                facts = default;
                return false;
            }
            var start = _position;
            facts = JsonRpcFacts.Empty;
            if (_json[start] == (byte)'{' && TryReadTopObject(ref facts))
                return true;
            _position = start;
            SkipLine();
        }
    }

    private bool TryReadTopObject(ref JsonRpcFacts facts)
    {
        _position++;
        SkipWhitespace();
        if (TryConsume((byte)'}'))
            return true;
        while (true)
        {
            if (!TryReadKey(out var key))
                return false;
            bool ok;
            if (key.SequenceEqual("method"u8) && Peek() == (byte)'"')
                ok = TryReadString(out facts.MethodStart, out facts.MethodLength);
            else if (key.SequenceEqual("params"u8))
                ok = TryReadParams(ref facts);
            else
                ok = TrySkipValue(2);
            if (!ok || !TryEndMember((byte)'}', out var closed))
                return false;
            if (closed)
                return true;
        }
    }

    private bool TryReadParams(ref JsonRpcFacts facts)
    {
        switch (Peek())
        {
            case (byte)'[':
                _position++;
                SkipWhitespace();
                if (TryConsume((byte)']'))
                    return true;
                var first = true;
                while (true)
                {
                    var ok = first && Peek() == (byte)'"'
                        ? TryReadString(out facts.FirstParamStart, out facts.FirstParamLength)
                        : TrySkipValue(3);
                    first = false;
                    if (!ok || !TryEndMember((byte)']', out var closed))
                        return false;
                    if (closed)
                        return true;
                }
            case (byte)'{':
                _position++;
                SkipWhitespace();
                if (TryConsume((byte)'}'))
                    return true;
                while (true)
                {
                    if (!TryReadKey(out var key))
                        return false;
                    bool ok;
                    if (key.SequenceEqual("login"u8) && Peek() == (byte)'"')
                        ok = TryReadString(out facts.LoginStart, out facts.LoginLength);
                    else
                    {
                        facts.HasAgent |= key.SequenceEqual("agent"u8);
                        facts.HasJobId |= key.SequenceEqual("job_id"u8);
                        facts.HasNonce |= key.SequenceEqual("nonce"u8);
                        ok = TrySkipValue(3);
                    }
                    if (!ok || !TryEndMember((byte)'}', out var closed))
                        return false;
                    if (closed)
                        return true;
                }
            default:
                return TrySkipValue(2);
        }
    }

    private bool TrySkipValue(int depth)
    {
        if (depth > MaxDepth)
            return false;
        switch (Peek())
        {
            case (byte)'"':
                return TryReadString(out _, out _);
            case (byte)'{':
                _position++;
                SkipWhitespace();
                if (TryConsume((byte)'}'))
                    return true;
                while (true)
                {
                    if (!TryReadKey(out _) || !TrySkipValue(depth + 1) || !TryEndMember((byte)'}', out var closed))
                        return false;
                    if (closed)
                        return true;
                }
            case (byte)'[':
                _position++;
                SkipWhitespace();
                if (TryConsume((byte)']'))
                    return true;
                while (true)
                {
                    if (!TrySkipValue(depth + 1) || !TryEndMember((byte)']', out var closed))
                        return false;
                    if (closed)
                        return true;
                }
            case (byte)'t':
                return TryConsumeLiteral("true"u8);
            case (byte)'f':
                return TryConsumeLiteral("false"u8);
            case (byte)'n':
                return TryConsumeLiteral("null"u8);
            default:
                return TrySkipNumber();
        }
    }

    /// <summary>A key string and its colon, leaving the position at the value.</summary>
    private bool TryReadKey(out ReadOnlySpan<byte> key)
    {
        key = default;
        SkipWhitespace();
        if (Peek() != (byte)'"' || !TryReadString(out var start, out var length))
            return false;
        SkipWhitespace();
        if (!TryConsume((byte)':'))
            return false;
        SkipWhitespace();
        key = _json.Slice(start, length);
        return true;
    }

    /// <summary>After a member: a comma (more follow) or the closing bracket.</summary>
    private bool TryEndMember(byte close, out bool closed)
    {
        SkipWhitespace();
        closed = TryConsume(close);
        if (closed)
            return true;
        if (!TryConsume((byte)','))
            return false;
        SkipWhitespace();
        return true;
    }

    private bool TryReadString(out int start, out int length)
    {
        length = -1;
        start = ++_position;
        while (_position < _json.Length)
        {
            var b = _json[_position];
            if (b == (byte)'"')
            {
                length = _position - start;
                _position++;
                return true;
            }
            if (b < 0x20 || _position - start >= MaxStringLength)
                return false;
            if (b != (byte)'\\')
                _position++;
            else if (!TrySkipEscape())
                return false;
        }
        return false;
    }

    // RFC 8259 §7: \" \\ \/ \b \f \n \r \t or \uXXXX.
    private bool TrySkipEscape()
    {
        if (_position + 1 >= _json.Length)
            return false;
        var kind = _json[_position + 1];
        if (kind != (byte)'u')
        {
            _position += 2;
            return "\"\\/bfnrt"u8.Contains(kind);
        }
        if (_position + 6 > _json.Length)
            return false;
        foreach (var hex in _json.Slice(_position + 2, 4))
        {
            if (!char.IsAsciiHexDigit((char)hex))
                return false;
        }
        _position += 6;
        return true;
    }

    private bool TrySkipNumber()
    {
        var start = _position;
        while (_position < _json.Length && "0123456789+-.eE"u8.Contains(_json[_position]))
            _position++;
        return _position > start;
    }

    private bool TryConsumeLiteral(ReadOnlySpan<byte> literal)
    {
        if (!_json[_position..].StartsWith(literal))
            return false;
        _position += literal.Length;
        return true;
    }

    private bool TryConsume(byte expected)
    {
        if (Peek() != expected)
            return false;
        _position++;
        return true;
    }

    private readonly int Peek() => _position < _json.Length ? _json[_position] : -1;

    private void SkipWhitespace()
    {
        while (_position < _json.Length && _json[_position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            _position++;
    }

    private void SkipLine()
    {
        var newline = _json[_position..].IndexOf((byte)'\n');
        _position = newline < 0 ? _json.Length : _position + newline + 1;
    }
}

namespace Edge.Watch.Tls;

/// <summary>Appends ASCII into a caller's span; remembers overflow instead of throwing.</summary>
internal ref struct AsciiWriter
{
    private readonly Span<byte> _destination;

    public AsciiWriter(Span<byte> destination)
    {
        _destination = destination;
        Written = 0;
        Overflowed = false;
    }

    public int Written { get; private set; }

    public bool Overflowed { get; private set; }

    public readonly ReadOnlySpan<byte> Text => _destination[..Written];

    public void Write(byte value)
    {
        if (Written >= _destination.Length)
        {
            Overflowed = true;
            return;
        }
        _destination[Written++] = value;
    }

    public void WriteDecimal(int value)
    {
        Span<byte> digits = stackalloc byte[10];
        var count = 0;
        do
        {
            digits[count++] = (byte)('0' + (value % 10));
            value /= 10;
        }
        while (value > 0);
        while (count > 0)
            Write(digits[--count]);
    }

    /// <summary>Two digits, capped at 99.</summary>
    public void WriteDecimal2(int value)
    {
        value = Math.Min(value, 99);
        Write((byte)('0' + (value / 10)));
        Write((byte)('0' + (value % 10)));
    }

    public void WriteHex(ushort value)
    {
        WriteHexByte((byte)(value >> 8));
        WriteHexByte((byte)value);
    }

    public void WriteHexByte(byte value)
    {
        Write(HexDigit(value >> 4));
        Write(HexDigit(value & 0xF));
    }

    public static byte HexDigit(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
}

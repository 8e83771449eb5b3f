using System.Numerics;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>A header or length field of one frame: <see cref="Width"/> big-endian bytes at
/// <see cref="Offset"/>, of which <see cref="Mask"/> selects the field's bits (IHL is 0x0F of one byte).
/// <see cref="Special"/> is one more value worth trying (a compression pointer's own offset), or -1.</summary>
public readonly record struct FrameField(string Name, int Offset, int Width, uint Mask, int Special = -1)
{
    public uint Max => Mask >> BitOperations.TrailingZeroCount(Mask);

    public void Set(Span<byte> frame, uint value)
    {
        var shift = BitOperations.TrailingZeroCount(Mask);
        uint word = 0;
        for (var i = 0; i < Width; i++)
            word = (word << 8) | frame[Offset + i];
        word = (word & ~Mask) | ((value << shift) & Mask);
        for (var i = Width - 1; i >= 0; i--)
        {
            frame[Offset + i] = (byte)word;
            word >>= 8;
        }
    }
}

using System.Buffers.Binary;
using System.Numerics;

namespace Edge.Flashing.Framing;

/// <summary>
/// CRC-32C (Castagnoli, RFC 3720 §B.4): better error detection than CRC-32 on short frames, and
/// both ends have it in hardware (SSE4.2 on the laptop, the ARMv8 CRC extension on the Pi), which
/// <see cref="BitOperations.Crc32C(uint, ulong)"/> uses, with a software path elsewhere.
/// </summary>
public static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = uint.MaxValue;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data)
            crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}

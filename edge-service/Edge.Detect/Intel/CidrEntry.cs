using System.Runtime.InteropServices;

namespace Edge.Detect.Intel;

/// <summary>One network of a <see cref="CidrTable"/>: masked address, family-and-length byte
/// (<see cref="CidrKey.PrefixByte"/>) and list index, packed to 19 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal readonly record struct CidrEntry(ulong High, ulong Low, byte Prefix, ushort List)
{
    /// <summary>65,536 entries (1.2 MiB) per chunk.</summary>
    public const int ChunkBits = 16;

    public const int ChunkMask = (1 << ChunkBits) - 1;

    public bool SameNetwork(in CidrEntry other) => Prefix == other.Prefix && Low == other.Low && High == other.High;
}

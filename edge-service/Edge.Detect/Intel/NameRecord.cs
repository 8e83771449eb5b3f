namespace Edge.Detect.Intel;

/// <summary>Layout of one name in a domain table's byte chunks: length (1 byte, names are at
/// most 253), list index (2 bytes, little-endian), then the lower-case name. A record never
/// straddles chunks; a length of 0 marks the unused tail of a chunk. The table's slots hold the
/// record's position, so no per-entry offset or list array is needed.</summary>
internal static class NameRecord
{
    public const int ChunkBits = 20;

    public const int ChunkMask = (1 << ChunkBits) - 1;

    public const int HeaderSize = 3;

    public static ushort List(byte[] chunk, int at) => (ushort)(chunk[at + 1] | (chunk[at + 2] << 8));
}

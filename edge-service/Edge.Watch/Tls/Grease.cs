namespace Edge.Watch.Tls;

public static class Grease
{
    /// <summary>RFC 8701 §2: GREASE values are 0x0A0A, 0x1A1A … 0xFAFA (both bytes equal, low nibble 0xA).</summary>
    public static bool IsGrease(ushort value) => (value & 0x0F0F) == 0x0A0A && (value >> 8) == (value & 0xFF);
}

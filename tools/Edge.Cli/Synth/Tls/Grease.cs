using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Tls;

/// <summary>GREASE code points (RFC 8701 §2): 0x0A0A, 0x1A1A, ... 0xFAFA.</summary>
internal static class Grease
{
    public static ushort Pick(SynthRandom random)
    {
        var nibble = random.Next(0, 16);
        return (ushort)((nibble << 12) | 0x0A00 | (nibble << 4) | 0x0A);
    }

    public static ushort PickOther(SynthRandom random, ushort taken)
    {
        var value = Pick(random);
        return value == taken ? (ushort)(value ^ 0x1010) : value;
    }
}

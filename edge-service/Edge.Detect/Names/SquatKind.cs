namespace Edge.Detect.Names;

/// <summary>How a name imitates a protected domain (the names follow dnstwist's fuzzers).</summary>
public enum SquatKind
{
    None = 0,
    Omission,
    Insertion,
    Replacement,
    Transposition,
    Hyphenation,
    Repetition,
    Bitsquat,
    Homoglyph,
    Idn,
    TldSwap,
}

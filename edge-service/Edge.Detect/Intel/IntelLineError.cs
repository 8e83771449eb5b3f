namespace Edge.Detect.Intel;

/// <summary>Why a list line was not taken. Unsupported* are well-formed lines of a syntax the
/// store does not model (counted as notes); the rest are bad lines.</summary>
public enum IntelLineError
{
    None,
    LineTooLong,
    BadName,
    NameTooLong,
    NonAsciiName,
    BadAddress,
    BadPrefixLength,
    HostBitsSet,
    BadCategory,
    NoCategory,
    ExtraColumns,
    NoNames,
    UnsupportedAdBlock,
    UnsupportedRpzAction,
    UnsupportedRpzRecord,
}

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

    /// <summary>The entry needs a new list (source, category, action, scope, local data) beyond the
    /// 65,535 a snapshot indexes; counted with the unsupported lines, the load goes on.</summary>
    TooManyLists,
}

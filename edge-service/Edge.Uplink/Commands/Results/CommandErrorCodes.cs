namespace Edge.Uplink.Commands.Results;

/// <summary>The <c>error.code</c> of a refused or failed command (README "Commands").</summary>
public static class CommandErrorCodes
{
    /// <summary>The envelope has no signature.</summary>
    public const string Unsigned = "unsigned";
    /// <summary>The signature does not verify with the named key over the body.</summary>
    public const string BadSignature = "bad_signature";
    /// <summary>The envelope names a key the sensor does not trust.</summary>
    public const string UnknownKey = "unknown_key";
    /// <summary><c>ts</c> is older than the replay window, or <c>expires</c> has passed.</summary>
    public const string Expired = "expired";
    /// <summary><c>ts</c> is further in the future than the clock skew allowed.</summary>
    public const string ClockSkew = "clock_skew";
    /// <summary>A command with this id was already taken within the replay window.</summary>
    public const string Replayed = "replayed";
    /// <summary>So many commands within the window that their ids cannot all be remembered.</summary>
    public const string RateLimited = "rate_limited";
    /// <summary>Not JSON, not UTF-8, too deep, or a field of the envelope or body missing or of the wrong form.</summary>
    public const string Malformed = "malformed";
    /// <summary>The body is for another agency, sensor or command name than the topic it came on.</summary>
    public const string WrongTarget = "wrong_target";
    public const string UnknownCommand = "unknown_command";
    /// <summary>An argument is missing, unknown or out of range.</summary>
    public const string InvalidArgument = "invalid_argument";
    /// <summary>The payload, or a transfer, is over its size limit.</summary>
    public const string TooLarge = "too_large";
    /// <summary>The data does not hash to the SHA-256 given.</summary>
    public const string ChecksumMismatch = "checksum_mismatch";
    /// <summary>The alert, evidence or config section named does not exist.</summary>
    public const string NotFound = "not_found";
    /// <summary>The command was valid but carrying it out failed.</summary>
    public const string Failed = "failed";
}

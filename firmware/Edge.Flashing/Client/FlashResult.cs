namespace Edge.Flashing.Client;

/// <summary>How a flash ended on the sensor, and what it cost on the wire.</summary>
/// <param name="Installed">The install hook accepted the bundle.</param>
/// <param name="Code">0 when installed; a <see cref="Messages.StatusCode"/> or the hook's own code otherwise.</param>
/// <param name="ResumedFrom">The offset the sensor first asked to resume from (0 for a fresh transfer).</param>
/// <param name="BytesResent">Bundle bytes sent more than once (retransmits, and resends after a reconnect).</param>
public sealed record FlashResult(
    bool Installed, ushort Code, string Message, long BundleBytes, long ResumedFrom,
    long BytesSent, long BytesResent, int Reconnects, TimeSpan Elapsed);

namespace Edge.Flashing.Messages;

/// <summary>Codes in Result, Error and Abort. Wire values: never renumber.</summary>
public static class StatusCode
{
    public const ushort Ok = 0;
    public const ushort IncompatibleProtocol = 1;
    public const ushort NoTransfer = 2;
    public const ushort BundleTooLarge = 3;
    public const ushort StorageFailed = 4;
    public const ushort Incomplete = 5;
    public const ushort HashMismatch = 6;
    public const ushort InstallFailed = 7;
    public const ushort Cancelled = 8;
    public const ushort BadRequest = 9;

    /// <summary>First code an install hook may use for its own refusals (bad signature, wrong board, …).</summary>
    public const ushort FirstInstallerCode = 0x100;
}

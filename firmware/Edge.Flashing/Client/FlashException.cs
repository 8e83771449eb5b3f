namespace Edge.Flashing.Client;

/// <summary>The flash stopped before a Result: the sensor sent Error or Abort, or the link stayed gone.</summary>
public sealed class FlashException : Exception
{
    public FlashException(ushort code, string message) : base(message) => Code = code;

    public FlashException() : this(0, "flash failed") { }

    public FlashException(string message) : this(0, message) { }

    public FlashException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>A <see cref="Messages.StatusCode"/> from the sensor; 0 when the link was lost.</summary>
    public ushort Code { get; }
}

namespace Edge.Hardware.Boards;

/// <summary>A board profile that cannot be used: bad JSON, a missing field, or a pin that is outside the
/// header, reserved or used twice. The message names the source, the field and the pin.</summary>
public sealed class BoardProfileException : Exception
{
    public BoardProfileException()
    {
    }

    public BoardProfileException(string message)
        : base(message)
    {
    }

    public BoardProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BoardProfileException(string source, string? field, string problem, Exception? innerException = null)
        : base(field is null ? $"{source}: {problem}" : $"{source}: {field}: {problem}", innerException)
    {
        ProfileSource = source;
        Field = field;
    }

    /// <summary>The profile name or file path, where known.</summary>
    public string? ProfileSource { get; }

    /// <summary>The JSON field at fault ("leds.red"), null for a whole-document problem.</summary>
    public string? Field { get; }
}

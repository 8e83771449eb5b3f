namespace Edge.Hardware.Button;

/// <summary>How long the button must hold each level for each gesture.</summary>
public sealed record ButtonTiming
{
    /// <summary>A level counts once the pin has held it this long; shorter bounces are ignored.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Released after at least this long (and before the factory-reset hold): the LED test.</summary>
    public TimeSpan LedTestHold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Held this long: factory reset armed.</summary>
    public TimeSpan FactoryResetHold { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>After the armed release, the confirming press must start within this window.</summary>
    public TimeSpan ConfirmWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The confirming press must be held this long.</summary>
    public TimeSpan ConfirmHold { get; init; } = TimeSpan.FromSeconds(3);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Debounce, TimeSpan.Zero, nameof(Debounce));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LedTestHold, TimeSpan.Zero, nameof(LedTestHold));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FactoryResetHold, LedTestHold, nameof(FactoryResetHold));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConfirmWindow, TimeSpan.Zero, nameof(ConfirmWindow));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ConfirmHold, TimeSpan.Zero, nameof(ConfirmHold));
    }
}

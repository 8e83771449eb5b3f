namespace Edge.Hardware.Gpio;

/// <summary>The chip to open for a profile, and whether its label said so or only the fallback number.</summary>
public sealed record ResolvedGpioChip(int Number, string? Label, bool ByLabel)
{
    /// <summary>"gpiochip4 (pinctrl-rp1)", or "gpiochip0" where no label was read.</summary>
    public override string ToString() => Label is null ? $"gpiochip{Number}" : $"gpiochip{Number} ({Label})";
}

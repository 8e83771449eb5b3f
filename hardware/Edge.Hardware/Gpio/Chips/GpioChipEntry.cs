namespace Edge.Hardware.Gpio;

/// <summary>A GPIO chip the kernel lists, <c>/dev/gpiochip{Number}</c>, with its label where one could be read.</summary>
public sealed record GpioChipEntry(int Number, string? Label)
{
    public override string ToString() => Label is null ? $"gpiochip{Number}" : $"gpiochip{Number} ({Label})";
}

namespace Edge.Hardware.Boards;

/// <summary>The GPIO chip that carries the header. The label (<c>pinctrl-bcm2711</c>, <c>pinctrl-rp1</c>)
/// names it on every kernel; the number is the fallback where no label can be read, because
/// kernels renumber chips (the Pi 5's RP1 is gpiochip4 before 6.6.45 and gpiochip0 after).</summary>
public sealed record GpioChipSpec(string? Label, int Number);

namespace Edge.Hardware.Gpio;

/// <summary>Real GPIO was required but this machine cannot give the profile's chip: no
/// <c>/dev/gpiochip*</c>, no chip with the profile's label, no libgpiod, or the chip refused to open.</summary>
public sealed class GpioUnavailableException : Exception
{
    public GpioUnavailableException()
    {
    }

    public GpioUnavailableException(string message)
        : base(message)
    {
    }

    public GpioUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

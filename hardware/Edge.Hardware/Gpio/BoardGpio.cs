using System.Device.Gpio;
using Edge.Hardware.Boards;

namespace Edge.Hardware.Gpio;

/// <summary>Opens a board profile's LEDs, button and buzzer on the real GPIO chip or the simulated driver.</summary>
public static class BoardGpio
{
    private const string SimulatedChip = "simulated";

    /// <exception cref="GpioUnavailableException"><paramref name="access"/> is <see cref="GpioAccess.Real"/>
    /// and the profile's chip cannot be had.</exception>
    public static BoardHardware Open(BoardProfile profile, GpioAccess access, TimeProvider time) =>
        Open(profile, access, time, GpioHost.Machine);

    internal static BoardHardware Open(BoardProfile profile, GpioAccess access, TimeProvider time, GpioHost host)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(time);
        if (!Enum.IsDefined(access))
            throw new ArgumentOutOfRangeException(nameof(access), access, "Auto, Simulated or Real");
        if (access == GpioAccess.Simulated)
            return Simulate(profile, time, "simulated on request");
        if (!GpioChips.AnyDevice(host.Root))
            return Unavailable(profile, access, time, $"no {Path.Combine(host.Root, "dev", "gpiochip*")} on this machine");
        if (!GpioChipResolver.TryResolve(profile.GpioChip, host.Chips(), out var chip, out var reason))
            return Unavailable(profile, access, time, reason);
        try
        {
            return Build(profile, host.OpenChip(chip.Number), simulator: null, chip.ToString(), reason);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Unavailable(profile, access, time, $"{chip} could not be opened: {e.Message}", e);
        }
    }

    private static BoardHardware Unavailable(BoardProfile profile, GpioAccess access, TimeProvider time, string reason, Exception? cause = null)
    {
        if (access == GpioAccess.Real)
        {
            var message = $"real GPIO for {profile.DisplayName} is not available: {reason}";
            throw cause is null ? new GpioUnavailableException(message) : new GpioUnavailableException(message, cause);
        }
        return Simulate(profile, time, reason);
    }

    private static BoardHardware Simulate(BoardProfile profile, TimeProvider time, string reason)
    {
        var simulator = new SimulatedGpioDriver(time, PinCount(profile));
        return Build(profile, simulator, simulator, SimulatedChip, reason);
    }

    /// <summary>Enough lines for every pin the profile names, and at least the 28 of a Pi header.</summary>
    private static int PinCount(BoardProfile profile) =>
        Math.Max(28, profile.UsablePins.Concat(profile.ReservedPins.Select(r => r.Pin)).Max() + 1);

    private static BoardHardware Build(BoardProfile profile, GpioDriver driver, SimulatedGpioDriver? simulator, string chip, string reason)
    {
        var controller = new GpioController(driver);
        GpioIndicatorLights? lights = null;
        GpioButton? button = null;
        try
        {
            lights = new GpioIndicatorLights(controller, profile.Leds);
            button = profile.Button is null ? null : new GpioButton(controller, profile.Button);
            var buzzer = profile.Buzzer is null ? null : new GpioBuzzer(controller, profile.Buzzer);
            return new BoardHardware(profile, controller, simulator, chip, reason, lights, button, buzzer);
        }
        catch
        {
            button?.Dispose();
            lights?.Dispose();
            controller.Dispose();
            throw;
        }
    }
}

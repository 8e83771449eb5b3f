using System.Device.Gpio;
using Edge.Hardware.Boards;
using Edge.Hardware.Gpio;
using Edge.Hardware.Leds;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Hardware.Tests.Gpio;

public sealed class BoardGpioTests
{
    private static readonly PinValue Low = PinValue.Low;
    private static readonly PinValue High = PinValue.High;

    private readonly FakeTimeProvider _time = new(SimulatedGpio.Start);
    private readonly List<int> _openedChips = [];

    [Fact]
    public void Simulated_opens_every_device_of_the_profile_dark_on_the_simulator()
    {
        using var board = BoardGpio.Open(BoardProfiles.Load("raspberry-pi-5"), GpioAccess.Simulated, _time);

        Assert.True(board.Simulated);
        Assert.Equal("simulated", board.Chip);
        Assert.Equal("raspberry-pi-5", board.Profile.Name);
        Assert.NotNull(board.Button);
        Assert.NotNull(board.Buzzer);
        Assert.Equal([(17, Low), (27, Low), (22, Low), (24, Low)], board.Simulator!.Changes.Select(c => (c.Pin, c.Value)));
        Assert.All(board.Simulator.Changes, c => Assert.Equal(SimulatedGpio.Start, c.Time));
        Assert.Equal(PinMode.InputPullUp, board.Controller.GetPinMode(23));
    }

    [Fact]
    public void The_simulated_board_shows_lamps_and_hears_the_button()
    {
        using var board = BoardGpio.Open(BoardProfiles.Load("raspberry-pi-4"), GpioAccess.Simulated, _time);
        var presses = new List<bool>();
        board.Button!.Changed += presses.Add;

        _time.Advance(TimeSpan.FromSeconds(1));
        board.Lights.Show(LedLights.Red);
        board.Buzzer!.Sound(true);
        board.Simulator!.SetInput(23, Low);

        Assert.Equal([new PinChange(22, High, SimulatedGpio.Start.AddSeconds(1)), new PinChange(24, High, SimulatedGpio.Start.AddSeconds(1))], board.Simulator.Changes.Skip(4));
        Assert.Equal([true], presses);
        Assert.True(board.Button.IsPressed);
    }

    [Fact]
    public void Dispose_darkens_and_silences_then_closes_the_controller()
    {
        var board = BoardGpio.Open(BoardProfiles.Load("raspberry-pi-4"), GpioAccess.Simulated, _time);
        board.Lights.Show(LedLights.All);
        board.Buzzer!.Sound(true);

        board.Dispose();

        var last = board.Simulator!.Changes.TakeLast(4).Select(c => (c.Pin, c.Value)).Order();
        Assert.Equal([(17, Low), (22, Low), (24, Low), (27, Low)], last);
        Assert.Throws<ObjectDisposedException>(() => board.Controller.IsPinOpen(17));
    }

    [Fact]
    public void A_profile_without_button_or_buzzer_opens_only_the_lamps()
    {
        var profile = BoardProfiles.Load("compute-module-4") with { Button = null, Buzzer = null };

        using var board = BoardGpio.Open(profile, GpioAccess.Simulated, _time);

        Assert.Null(board.Button);
        Assert.Null(board.Buzzer);
        Assert.Equal([17, 27, 22], board.Simulator!.Changes.Select(c => c.Pin));
    }

    [Fact]
    public void Auto_without_any_gpio_chip_simulates_and_says_why()
    {
        using var sys = new FakeSysfs();

        using var board = Open("raspberry-pi-5", GpioAccess.Auto, sys);

        Assert.True(board.Simulated);
        Assert.Equal($"no {sys.Root}/dev/gpiochip* on this machine", board.Reason);
        Assert.Empty(_openedChips);
    }

    [Fact]
    public void Real_without_any_gpio_chip_is_refused_clearly()
    {
        using var sys = new FakeSysfs();

        var e = Assert.Throws<GpioUnavailableException>(() => Open("raspberry-pi-5", GpioAccess.Real, sys));

        Assert.Equal($"real GPIO for Raspberry Pi 5 is not available: no {sys.Root}/dev/gpiochip* on this machine", e.Message);
    }

    [Theory]
    [InlineData(GpioAccess.Auto)]
    [InlineData(GpioAccess.Real)]
    public void A_pi_5_on_an_older_kernel_opens_chip_4(GpioAccess access)
    {
        using var sys = FakeSysfs.Pi5BeforeKernel6_6_45();

        using var board = Open("raspberry-pi-5", access, sys);

        Assert.Equal([4], _openedChips);
        Assert.False(board.Simulated);
        Assert.Null(board.Simulator);
        Assert.Equal("gpiochip4 (pinctrl-rp1)", board.Chip);
        Assert.Equal(PinMode.Output, board.Controller.GetPinMode(17));
    }

    [Fact]
    public void A_pi_5_on_a_renumbering_kernel_opens_chip_0()
    {
        using var sys = FakeSysfs.Pi5FromKernel6_6_45();

        using var board = Open("raspberry-pi-5", GpioAccess.Auto, sys);

        Assert.Equal([0], _openedChips);
        Assert.Equal("gpiochip0 (pinctrl-rp1)", board.Chip);
    }

    [Fact]
    public void Auto_on_a_pc_with_its_own_gpio_chip_simulates_rather_than_drive_it()
    {
        using var sys = FakeSysfs.Laptop();

        using var board = Open("raspberry-pi-4", GpioAccess.Auto, sys);

        Assert.True(board.Simulated);
        Assert.Empty(_openedChips);
        Assert.Equal("no GPIO chip is labelled pinctrl-bcm2711 (found gpiochip0 (INT34C5:00))", board.Reason);
    }

    [Fact]
    public void Real_on_a_pc_with_its_own_gpio_chip_is_refused()
    {
        using var sys = FakeSysfs.Laptop();

        var e = Assert.Throws<GpioUnavailableException>(() => Open("raspberry-pi-4", GpioAccess.Real, sys));

        Assert.Contains("no GPIO chip is labelled pinctrl-bcm2711", e.Message, StringComparison.Ordinal);
        Assert.Empty(_openedChips);
    }

    [Fact]
    public void Where_sysfs_shows_no_labels_libgpiod_names_the_chip()
    {
        using var sys = new FakeSysfs()
            .Chip(0, "platform/soc/107d508500.gpio", 512, legacyLabel: null)
            .Chip(4, "platform/axi/1000120000.pcie/1f000d0000.gpio", 571, legacyLabel: null);
        var host = Host(sys, library: [new GpioChipEntry(0, "gpio-brcmstb@107d508500"), new GpioChipEntry(4, "pinctrl-rp1")]);

        using var board = BoardGpio.Open(BoardProfiles.Load("raspberry-pi-5"), GpioAccess.Auto, _time, host);

        Assert.Equal("gpiochip4 (pinctrl-rp1)", board.Chip);
    }

    [Fact]
    public void Auto_simulates_when_the_chip_will_not_open()
    {
        using var sys = FakeSysfs.Pi4();
        var host = Host(sys, open: _ => throw new PlatformNotSupportedException("libgpiod is not installed"));

        using var board = BoardGpio.Open(BoardProfiles.Load("raspberry-pi-4"), GpioAccess.Auto, _time, host);

        Assert.True(board.Simulated);
        Assert.Equal("gpiochip0 (pinctrl-bcm2711) could not be opened: libgpiod is not installed", board.Reason);
    }

    [Fact]
    public void Real_refuses_when_the_chip_will_not_open_and_keeps_the_cause()
    {
        using var sys = FakeSysfs.Pi4();
        var host = Host(sys, open: _ => throw new IOException("Permission denied"));

        var e = Assert.Throws<GpioUnavailableException>(() => BoardGpio.Open(BoardProfiles.Load("raspberry-pi-4"), GpioAccess.Real, _time, host));

        Assert.Equal("real GPIO for Raspberry Pi 4 Model B is not available: gpiochip0 (pinctrl-bcm2711) could not be opened: Permission denied", e.Message);
        Assert.IsType<IOException>(e.InnerException);
    }

    private BoardHardware Open(string profile, GpioAccess access, FakeSysfs sys) =>
        BoardGpio.Open(BoardProfiles.Load(profile), access, _time, Host(sys));

    /// <summary>The fake tree, with a simulated chip standing in for libgpiod's and the chip asked for noted.</summary>
    private GpioHost Host(FakeSysfs sys, IReadOnlyList<GpioChipEntry>? library = null, Func<int, GpioDriver>? open = null) =>
        new(sys.Root, () => library ?? [], chip =>
        {
            _openedChips.Add(chip);
            return open?.Invoke(chip) ?? new SimulatedGpioDriver(_time);
        });
}

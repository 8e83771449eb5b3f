using System.Device.Gpio;
using Edge.Hardware.Gpio;
using static Edge.Hardware.Tests.Gpio.SimulatedGpio;

namespace Edge.Hardware.Tests.Gpio;

public sealed class SimulatedGpioDriverTests : IDisposable
{
    private readonly SimulatedGpio _gpio = new();

    private GpioController Controller => _gpio.Controller;

    private SimulatedGpioDriver Driver => _gpio.Driver;

    public void Dispose() => _gpio.Dispose();

    [Fact]
    public void Opening_an_output_records_its_first_level_at_the_fake_time()
    {
        Controller.OpenPin(17, PinMode.Output, PinValue.High);

        Assert.Equal([At(17, PinValue.High)], Driver.Changes);
    }

    [Fact]
    public void An_output_opened_without_a_value_drives_low()
    {
        Controller.OpenPin(17, PinMode.Output);

        Assert.Equal([At(17, PinValue.Low)], Driver.Changes);
        Assert.Equal(PinValue.Low, Controller.Read(17));
    }

    [Fact]
    public void Writing_the_same_level_again_is_not_a_change()
    {
        Controller.OpenPin(17, PinMode.Output, PinValue.Low);
        Controller.Write(17, PinValue.Low);
        _gpio.Advance(250);
        Controller.Write(17, PinValue.High);
        _gpio.Advance(250);
        Controller.Write(17, PinValue.High);

        Assert.Equal([At(17, PinValue.Low), At(17, PinValue.High, 250)], Driver.Changes);
    }

    [Fact]
    public void Toggle_is_a_change()
    {
        Controller.OpenPin(27, PinMode.Output, PinValue.Low);
        _gpio.Advance(10);
        Controller.Toggle(27);

        Assert.Equal([At(27, PinValue.Low), At(27, PinValue.High, 10)], Driver.Changes);
    }

    [Fact]
    public void Changes_is_a_snapshot_that_later_writes_do_not_touch()
    {
        Controller.OpenPin(17, PinMode.Output, PinValue.Low);
        var before = Driver.Changes;

        Controller.Write(17, PinValue.High);

        Assert.Single(before);
        Assert.Equal(2, Driver.Changes.Count);
    }

    [Fact]
    public void PinChanged_announces_each_change_as_it_is_recorded()
    {
        var heard = new List<PinChange>();
        Driver.PinChanged += heard.Add;

        Controller.OpenPin(22, PinMode.Output, PinValue.Low);
        _gpio.Advance(5);
        Controller.Write(22, PinValue.High);
        Controller.Write(22, PinValue.High);

        Assert.Equal([At(22, PinValue.Low), At(22, PinValue.High, 5)], heard);
        Assert.Equal(heard, Driver.Changes);
    }

    [Theory]
    [InlineData(PinMode.Input, 0)]
    [InlineData(PinMode.InputPullUp, 1)]
    [InlineData(PinMode.InputPullDown, 0)]
    public void An_input_idles_at_its_pulls_level(PinMode mode, int level)
    {
        Controller.OpenPin(23, mode);

        Assert.Equal((PinValue)level, Controller.Read(23));
        Assert.Equal(mode, Controller.GetPinMode(23));
    }

    [Fact]
    public void SetInput_raises_each_edge_once_to_callbacks()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);
        var edges = new List<(int Pin, PinEventTypes Edge)>();
        Controller.RegisterCallbackForPinValueChangedEvent(23, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => edges.Add((e.PinNumber, e.ChangeType)));

        Driver.SetInput(23, PinValue.Low);
        Assert.Equal(PinValue.Low, Controller.Read(23));
        Driver.SetInput(23, PinValue.Low);
        Driver.SetInput(23, PinValue.High);

        Assert.Equal([(23, PinEventTypes.Falling), (23, PinEventTypes.Rising)], edges);
        Assert.Equal(PinValue.High, Controller.Read(23));
    }

    [Fact]
    public void A_callback_for_one_edge_hears_only_that_edge()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);
        var rising = 0;
        Controller.RegisterCallbackForPinValueChangedEvent(23, PinEventTypes.Rising, (_, _) => rising++);

        Driver.SetInput(23, PinValue.Low);
        Assert.Equal(0, rising);
        Driver.SetInput(23, PinValue.High);
        Assert.Equal(1, rising);
    }

    [Fact]
    public void An_unregistered_callback_hears_nothing()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);
        var heard = 0;
        void Count(object sender, PinValueChangedEventArgs e) => heard++;
        Controller.RegisterCallbackForPinValueChangedEvent(23, PinEventTypes.Falling, Count);
        Controller.UnregisterCallbackForPinValueChangedEvent(23, Count);

        Driver.SetInput(23, PinValue.Low);

        Assert.Equal(0, heard);
    }

    [Fact]
    public void A_callback_must_ask_for_an_edge()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);

        Assert.Throws<ArgumentException>(() => Controller.RegisterCallbackForPinValueChangedEvent(23, PinEventTypes.None, (_, _) => { }));
    }

    [Fact]
    public void Inputs_are_not_recorded_as_output_changes()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);

        Driver.SetInput(23, PinValue.Low);

        Assert.Empty(Driver.Changes);
    }

    [Fact]
    public void Driving_an_output_from_outside_is_refused()
    {
        Controller.OpenPin(17, PinMode.Output);

        Assert.Throws<InvalidOperationException>(() => Driver.SetInput(17, PinValue.High));
    }

    [Fact]
    public void A_pin_held_from_outside_reads_that_level_whatever_its_pull()
    {
        Driver.SetInput(23, PinValue.Low);

        Controller.OpenPin(23, PinMode.InputPullUp);

        Assert.Equal(PinValue.Low, Controller.Read(23));
    }

    [Fact]
    public async Task WaitForEventAsync_returns_the_edge_it_waited_for()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);
        var pending = Controller.WaitForEventAsync(23, PinEventTypes.Rising, TestContext.Current.CancellationToken);

        Driver.SetInput(23, PinValue.Low);
        Assert.False(pending.IsCompleted);
        Driver.SetInput(23, PinValue.High);
        var result = await pending;

        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Rising, result.EventTypes);
    }

    [Fact]
    public async Task WaitForEvent_blocks_until_the_edge()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);
        var ct = TestContext.Current.CancellationToken;
        var waiting = Task.Run(() => Controller.WaitForEvent(23, PinEventTypes.Falling, ct), ct);

        // The waiter registers on its own thread; keep pressing until it has heard one press.
        while (!waiting.IsCompleted)
        {
            Driver.SetInput(23, PinValue.Low);
            Driver.SetInput(23, PinValue.High);
            await Task.WhenAny(waiting, Task.Delay(10, ct));
        }
        var result = await waiting;

        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Falling, result.EventTypes);
    }

    [Fact]
    public async Task WaitForEventAsync_ends_timed_out_when_cancelled()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);
        using var cancel = new CancellationTokenSource();
        var pending = Controller.WaitForEventAsync(23, PinEventTypes.Falling, cancel.Token);

        await cancel.CancelAsync();
        var result = await pending;

        Assert.True(result.TimedOut);
        Assert.Equal(PinEventTypes.None, result.EventTypes);
    }

    [Fact]
    public void WaitForEvent_ends_timed_out_when_its_timeout_passes()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);

        var result = Controller.WaitForEvent(23, PinEventTypes.Falling, TimeSpan.FromMilliseconds(20));

        Assert.True(result.TimedOut);
    }

    [Fact]
    public async Task Disposing_the_controller_ends_pending_waits_and_keeps_the_record()
    {
        Controller.OpenPin(17, PinMode.Output, PinValue.High);
        Controller.OpenPin(23, PinMode.InputPullUp);
        var pending = Controller.WaitForEventAsync(23, PinEventTypes.Falling, TestContext.Current.CancellationToken);

        Controller.Dispose();

        Assert.True((await pending).TimedOut);
        Assert.Equal([At(17, PinValue.High)], Driver.Changes);
        Assert.Throws<ObjectDisposedException>(() => Driver.SetInput(23, PinValue.Low));
    }

    [Fact]
    public void A_closed_pin_forgets_its_callbacks()
    {
        Controller.OpenPin(23, PinMode.InputPullUp);
        var heard = 0;
        Controller.RegisterCallbackForPinValueChangedEvent(23, PinEventTypes.Falling, (_, _) => heard++);
        Controller.ClosePin(23);
        Controller.OpenPin(23, PinMode.InputPullUp);

        Driver.SetInput(23, PinValue.Low);

        Assert.Equal(0, heard);
    }

    [Fact]
    public void The_chip_has_28_lines_by_default_and_refuses_others()
    {
        Assert.Equal(28, Controller.PinCount);
        Assert.Equal(new GpioChipInfo(0, "simulated", "edge-simulated", 28), Driver.GetChipInfo());
        Assert.False(Controller.IsPinModeSupported(28, PinMode.Output));
        Assert.Throws<ArgumentOutOfRangeException>(() => Controller.OpenPin(28));
    }

    [Fact]
    public void A_chip_can_have_more_lines()
    {
        using var gpio = new SimulatedGpio(pinCount: 54);

        gpio.Controller.OpenPin(53, PinMode.Output, PinValue.High);

        Assert.Equal(54, gpio.Controller.PinCount);
        Assert.Equal([At(53, PinValue.High)], gpio.Driver.Changes);
    }

    [Fact]
    public void Writes_from_many_threads_are_all_recorded_in_order_per_pin()
    {
        int[] pins = [2, 3, 4, 5, 6, 7, 8, 9];
        foreach (var pin in pins)
            Controller.OpenPin(pin, PinMode.Output, PinValue.Low);

        Parallel.ForEach(pins, pin =>
        {
            for (var i = 1; i <= 100; i++)
                Controller.Write(pin, i % 2 == 1 ? PinValue.High : PinValue.Low);
        });

        var changes = Driver.Changes;
        Assert.Equal(pins.Length * 101, changes.Count);
        foreach (var pin in pins)
        {
            var levels = changes.Where(c => c.Pin == pin).Select(c => (int)c.Value).ToArray();
            Assert.Equal(Enumerable.Range(0, 101).Select(i => i % 2), levels);
        }
    }
}

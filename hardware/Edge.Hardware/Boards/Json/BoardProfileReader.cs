using System.Text.Json;

namespace Edge.Hardware.Boards.Json;

/// <summary>Turns a profile file into a <see cref="BoardProfile"/>, refusing the first thing wrong with a
/// message that names the field (and the pin, where one is involved).</summary>
internal sealed class BoardProfileReader
{
    private const string KindChoices = "traffic or rgb";
    private const string PullChoices = "up, down or none";

    private readonly string _source;

    private BoardProfileReader(string source) => _source = source;

    public static BoardProfile Read(string json, string source)
    {
        var document = Deserialize(json, source);
        return new BoardProfileReader(source).Build(document);
    }

    private static BoardProfileDocument Deserialize(string json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new BoardProfileException(source, null, "empty, not a profile");
        try
        {
            return JsonSerializer.Deserialize(json, BoardProfileJsonContext.Default.BoardProfileDocument)
                ?? throw new BoardProfileException(source, null, "the file holds null, not a profile");
        }
        catch (JsonException e)
        {
            throw new BoardProfileException(source, null, JsonErrors.Describe(e), e);
        }
    }

    private BoardProfile Build(BoardProfileDocument document)
    {
        RefuseUnknown(document.Unknown, null, "name, displayName, modelPrefixes, gpioChip, usablePins, reservedPins, leds, button, buzzer");
        var name = RequiredText(document.Name, "name");
        var displayName = string.IsNullOrWhiteSpace(document.DisplayName) ? name : document.DisplayName;
        var prefixes = ModelPrefixes(document.ModelPrefixes);
        var chip = Chip(Required(document.GpioChip, "gpioChip"));
        var usable = UsablePins(document.UsablePins);
        var reserved = ReservedPins(document.ReservedPins);
        var leds = Leds(Required(document.Leds, "leds"));
        var button = document.Button is null ? null : Button(document.Button);
        var buzzer = document.Buzzer is null ? null : Pin(document.Buzzer, "buzzer");

        var allocation = new PinAllocation(_source, usable, reserved);
        foreach (var (field, pin) in leds.Pins)
            allocation.Take(field, pin.Pin);
        if (button is not null)
            allocation.Take("button", button.Pin);
        if (buzzer is not null)
            allocation.Take("buzzer", buzzer.Pin);

        return new BoardProfile(name, displayName, prefixes, chip, usable, reserved, leds, button, buzzer);
    }

    private string[] ModelPrefixes(List<string>? prefixes)
    {
        prefixes ??= [];
        for (var i = 0; i < prefixes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(prefixes[i]))
                throw Refuse($"modelPrefixes[{i}]", "empty");
        }
        return [.. prefixes];
    }

    private GpioChipSpec Chip(GpioChipDocument chip)
    {
        RefuseUnknown(chip.Unknown, "gpioChip", "label, number");
        if (chip.Label is not null && string.IsNullOrWhiteSpace(chip.Label))
            throw Refuse("gpioChip.label", "empty (leave it out to use the number alone)");
        var number = Required(chip.Number, "gpioChip.number", "the chip number to use where no label matches");
        if (number < 0)
            throw Refuse("gpioChip.number", $"{number} is not a chip number");
        return new GpioChipSpec(chip.Label, number);
    }

    private int[] UsablePins(List<int>? pins)
    {
        var list = Required(pins, "usablePins", "the BCM numbers of the header's GPIO pins");
        if (list.Count == 0)
            throw Refuse("usablePins", "empty");
        var seen = new HashSet<int>();
        foreach (var pin in list)
        {
            if (pin < 0)
                throw Refuse("usablePins", $"{pin} is not a GPIO number");
            if (!seen.Add(pin))
                throw Refuse("usablePins", $"pin {pin} is listed twice");
        }
        return [.. list];
    }

    private ReservedPin[] ReservedPins(List<ReservedPinDocument>? entries)
    {
        entries ??= [];
        var result = new ReservedPin[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var field = $"reservedPins[{i}]";
            var entry = entries[i] ?? throw Refuse(field, "null");
            RefuseUnknown(entry.Unknown, field, "pin, reason");
            var pin = Required(entry.Pin, $"{field}.pin");
            if (pin < 0)
                throw Refuse($"{field}.pin", $"{pin} is not a GPIO number");
            if (string.IsNullOrWhiteSpace(entry.Reason))
                throw Refuse($"{field}.reason", $"missing: say why pin {pin} is reserved");
            if (Array.FindIndex(result, 0, i, r => r.Pin == pin) is var first and >= 0)
                throw Refuse(field, $"pin {pin} is already reserved by reservedPins[{first}]");
            result[i] = new ReservedPin(pin, entry.Reason);
        }
        return result;
    }

    private LedWiring Leds(LedsDocument leds)
    {
        RefuseUnknown(leds.Unknown, "leds", "kind, green, amber, red, blue");
        var kind = RequiredText(leds.Kind, "leds.kind", KindChoices);
        if (kind.Equals("traffic", StringComparison.OrdinalIgnoreCase))
        {
            if (leds.Blue is not null)
                throw Refuse("leds.blue", "a traffic set has no blue LED (use kind rgb for an RGB LED)");
            const string Needs = "a traffic set needs green, amber and red";
            return LedWiring.Traffic(
                Pin(Required(leds.Green, "leds.green", Needs), "leds.green"),
                Pin(Required(leds.Amber, "leds.amber", Needs), "leds.amber"),
                Pin(Required(leds.Red, "leds.red", Needs), "leds.red"));
        }
        if (kind.Equals("rgb", StringComparison.OrdinalIgnoreCase))
        {
            if (leds.Amber is not null)
                throw Refuse("leds.amber", "an RGB LED has no amber pin: amber is red with green");
            const string Needs = "an RGB LED needs red and green (blue is optional)";
            return LedWiring.Rgb(
                Pin(Required(leds.Red, "leds.red", Needs), "leds.red"),
                Pin(Required(leds.Green, "leds.green", Needs), "leds.green"),
                leds.Blue is null ? null : Pin(leds.Blue, "leds.blue"));
        }
        throw Refuse("leds.kind", $"unknown kind '{kind}' ({KindChoices})");
    }

    private ButtonSpec Button(ButtonDocument button)
    {
        RefuseUnknown(button.Unknown, "button", "pin, activeLow, pull");
        var pin = PinNumber(button.Pin, "button.pin");
        var activeLow = Required(button.ActiveLow, "button.activeLow", "true when pressing pulls the pin to ground");
        var pullText = RequiredText(button.Pull, "button.pull", PullChoices);
        var pull = pullText.ToLowerInvariant() switch
        {
            "up" => ButtonPull.Up,
            "down" => ButtonPull.Down,
            "none" => ButtonPull.None,
            _ => throw Refuse("button.pull", $"unknown pull '{pullText}' ({PullChoices})"),
        };
        if (activeLow && pull == ButtonPull.Down)
            throw Refuse("button.pull", $"'down' holds an active-low button pressed (pin {pin} would idle low); use 'up', or 'none' with an external pull-up");
        if (!activeLow && pull == ButtonPull.Up)
            throw Refuse("button.pull", $"'up' holds an active-high button pressed (pin {pin} would idle high); use 'down', or 'none' with an external pull-down");
        return new ButtonSpec(pin, activeLow, pull);
    }

    private PinSpec Pin(PinDocument pin, string field)
    {
        RefuseUnknown(pin.Unknown, field, "pin, activeLow");
        var number = PinNumber(pin.Pin, $"{field}.pin");
        var activeLow = Required(pin.ActiveLow, $"{field}.activeLow", "true when the pin is low to switch it on");
        return new PinSpec(number, activeLow);
    }

    private int PinNumber(int? pin, string field)
    {
        var number = Required(pin, field, "a BCM GPIO number");
        if (number < 0)
            throw Refuse(field, $"{number} is not a GPIO number");
        return number;
    }

    private void RefuseUnknown(Dictionary<string, JsonElement>? unknown, string? section, string known)
    {
        if (unknown is not { Count: > 0 })
            return;
        var key = unknown.Keys.First();
        throw Refuse(section is null ? key : $"{section}.{key}", $"unknown field (known: {known})");
    }

    private T Required<T>(T? value, string field, string? hint = null)
        where T : class
        => value ?? throw Refuse(field, hint is null ? "missing" : $"missing ({hint})");

    private T Required<T>(T? value, string field, string? hint = null)
        where T : struct
        => value ?? throw Refuse(field, hint is null ? "missing" : $"missing ({hint})");

    private string RequiredText(string? value, string field, string? hint = null)
    {
        var text = Required(value, field, hint);
        return string.IsNullOrWhiteSpace(text) ? throw Refuse(field, "empty") : text;
    }

    private BoardProfileException Refuse(string field, string problem) => new(_source, field, problem);
}

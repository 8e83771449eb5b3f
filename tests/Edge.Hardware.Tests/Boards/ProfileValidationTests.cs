using System.Text.Json.Nodes;
using Edge.Hardware.Boards;

namespace Edge.Hardware.Tests.Boards;

public sealed class ProfileValidationTests
{
    [Fact]
    public void The_test_profiles_are_valid_to_begin_with()
    {
        Assert.Equal(LedKind.Traffic, ProfileJson.Parse(ProfileJson.Traffic()).Leds.Kind);
        Assert.Equal(LedWiring.Rgb(new PinSpec(22, true), new PinSpec(17, true), new PinSpec(27, true)), ProfileJson.Parse(ProfileJson.Rgb()).Leds);
    }

    [Fact]
    public void An_unknown_led_kind_is_refused()
    {
        var json = ProfileJson.Traffic();
        json["leds"]!["kind"] = "disco";

        var e = ProfileJson.Refusal(json);

        Assert.Equal("test.json: leds.kind: unknown kind 'disco' (traffic or rgb)", e.Message);
        Assert.Equal("leds.kind", e.Field);
        Assert.Equal("test.json", e.ProfileSource);
    }

    [Fact]
    public void A_pin_outside_the_usable_pins_is_refused_naming_field_and_pin()
    {
        var json = ProfileJson.Traffic();
        json["leds"]!["amber"]!["pin"] = 30;

        Assert.Equal("test.json: leds.amber: pin 30 is not one of usablePins (2-27)", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void The_usable_pins_are_listed_as_ranges()
    {
        var json = ProfileJson.Traffic();
        json["usablePins"] = new JsonArray(2, 3, 4, 9, 17, 18, 19);
        json["leds"]!["amber"]!["pin"] = 5;

        Assert.EndsWith("pin 5 is not one of usablePins (2-4, 9, 17-19)", ProfileJson.Refusal(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reserved_pin_is_refused_with_the_reason()
    {
        var json = ProfileJson.Traffic();
        json["button"]!["pin"] = 14;

        Assert.Equal("test.json: button: pin 14 is reserved: UART TXD, serial console", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void A_reserved_pin_off_the_usable_list_still_gives_its_reason()
    {
        var json = ProfileJson.Traffic();
        json["buzzer"]!["pin"] = 0;

        Assert.Equal("test.json: buzzer: pin 0 is reserved: HAT ID EEPROM data", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void The_same_pin_for_two_leds_is_refused_naming_both_uses()
    {
        var json = ProfileJson.Traffic();
        json["leds"]!["red"]!["pin"] = 17;

        var e = ProfileJson.Refusal(json);

        Assert.Equal("test.json: leds.red: pin 17 is already used by leds.green", e.Message);
        Assert.Equal("leds.red", e.Field);
    }

    [Fact]
    public void The_buzzer_on_the_button_pin_is_refused()
    {
        var json = ProfileJson.Traffic();
        json["buzzer"]!["pin"] = 23;

        Assert.Equal("test.json: buzzer: pin 23 is already used by button", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void The_button_on_an_rgb_die_is_refused()
    {
        var json = ProfileJson.Rgb();
        json["button"]!["pin"] = 27;

        Assert.Equal("test.json: button: pin 27 is already used by leds.blue", ProfileJson.Refusal(json).Message);
    }

    [Theory]
    [InlineData("green")]
    [InlineData("amber")]
    [InlineData("red")]
    public void A_traffic_set_missing_a_led_is_refused(string led)
    {
        var json = ProfileJson.Traffic();
        json["leds"]!.AsObject().Remove(led);

        Assert.Equal($"test.json: leds.{led}: missing (a traffic set needs green, amber and red)", ProfileJson.Refusal(json).Message);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("green")]
    public void An_rgb_led_missing_red_or_green_is_refused(string die)
    {
        var json = ProfileJson.Rgb();
        json["leds"]!.AsObject().Remove(die);

        Assert.Equal($"test.json: leds.{die}: missing (an RGB LED needs red and green (blue is optional))", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void An_rgb_led_without_blue_is_accepted()
    {
        var json = ProfileJson.Rgb();
        json["leds"]!.AsObject().Remove("blue");

        Assert.Null(ProfileJson.Parse(json).Leds.Blue);
    }

    [Fact]
    public void An_rgb_led_with_an_amber_pin_is_refused()
    {
        var json = ProfileJson.Rgb();
        json["leds"]!["amber"] = new JsonObject { ["pin"] = 5, ["activeLow"] = false };

        Assert.Equal("test.json: leds.amber: an RGB LED has no amber pin: amber is red with green", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void A_traffic_set_with_a_blue_pin_is_refused()
    {
        var json = ProfileJson.Traffic();
        json["leds"]!["blue"] = new JsonObject { ["pin"] = 5, ["activeLow"] = false };

        Assert.StartsWith("test.json: leds.blue: a traffic set has no blue LED", ProfileJson.Refusal(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_json_is_refused_with_its_line()
    {
        var e = ProfileJson.Refusal("{\n  \"name\": \"x\",\n  \"usablePins\": [2, 3,, 4]\n}");

        Assert.StartsWith("test.json: bad JSON at line 3", e.Message, StringComparison.Ordinal);
        Assert.Null(e.Field);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_line_path_and_what_was_expected()
    {
        var e = ProfileJson.Refusal("{\n  \"name\": \"x\",\n  \"leds\": {\n    \"green\": { \"pin\": \"17\" }\n  }\n}");

        Assert.Equal("test.json: bad JSON at line 4 ($.leds.green.pin): expected a whole number", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[17, 27, 22]")]
    public void A_document_that_is_not_a_profile_is_refused(string text)
    {
        Assert.StartsWith("test.json: ", ProfileJson.Refusal(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_ignored()
    {
        var json = ProfileJson.Traffic();
        json["leds"]!["gren"] = new JsonObject { ["pin"] = 5, ["activeLow"] = false };

        Assert.Equal("test.json: leds.gren: unknown field (known: kind, green, amber, red, blue)", ProfileJson.Refusal(json).Message);
    }

    [Theory]
    [InlineData("name", "name: missing")]
    [InlineData("gpioChip", "gpioChip: missing")]
    [InlineData("usablePins", "usablePins: missing (the BCM numbers of the header's GPIO pins)")]
    [InlineData("leds", "leds: missing")]
    public void A_missing_required_section_is_named(string field, string expected)
    {
        var json = ProfileJson.Traffic();
        json.Remove(field);

        Assert.Equal("test.json: " + expected, ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void A_pin_without_its_active_level_is_refused()
    {
        var json = ProfileJson.Traffic();
        json["leds"]!["green"]!.AsObject().Remove("activeLow");

        Assert.StartsWith("test.json: leds.green.activeLow: missing", ProfileJson.Refusal(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_pin_is_refused()
    {
        var json = ProfileJson.Traffic();
        json["leds"]!["red"]!["pin"] = -1;

        Assert.Equal("test.json: leds.red.pin: -1 is not a GPIO number", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void An_unknown_pull_is_refused()
    {
        var json = ProfileJson.Traffic();
        json["button"]!["pull"] = "sideways";

        Assert.Equal("test.json: button.pull: unknown pull 'sideways' (up, down or none)", ProfileJson.Refusal(json).Message);
    }

    [Theory]
    [InlineData(true, "down", "'down' holds an active-low button pressed (pin 23 would idle low)")]
    [InlineData(false, "up", "'up' holds an active-high button pressed (pin 23 would idle high)")]
    public void A_pull_that_holds_the_button_pressed_is_refused(bool activeLow, string pull, string expected)
    {
        var json = ProfileJson.Traffic();
        json["button"]!["activeLow"] = activeLow;
        json["button"]!["pull"] = pull;

        Assert.Contains("button.pull: " + expected, ProfileJson.Refusal(json).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "none", ButtonPull.None)]
    [InlineData(false, "down", ButtonPull.Down)]
    [InlineData(true, "UP", ButtonPull.Up)]
    public void Coherent_pulls_are_accepted(bool activeLow, string pull, ButtonPull expected)
    {
        var json = ProfileJson.Traffic();
        json["button"]!["activeLow"] = activeLow;
        json["button"]!["pull"] = pull;

        Assert.Equal(new ButtonSpec(23, activeLow, expected), ProfileJson.Parse(json).Button);
    }

    [Fact]
    public void Button_and_buzzer_are_optional()
    {
        var json = ProfileJson.Traffic();
        json.Remove("button");
        json["buzzer"] = null;

        var profile = ProfileJson.Parse(json);

        Assert.Null(profile.Button);
        Assert.Null(profile.Buzzer);
    }

    [Fact]
    public void A_usable_pin_listed_twice_is_refused()
    {
        var json = ProfileJson.Traffic();
        json["usablePins"]!.AsArray().Add(17);

        Assert.Equal("test.json: usablePins: pin 17 is listed twice", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void A_reserved_pin_without_a_reason_is_refused()
    {
        var json = ProfileJson.Traffic();
        json["reservedPins"]![2]!.AsObject().Remove("reason");

        Assert.Equal("test.json: reservedPins[2].reason: missing: say why pin 14 is reserved", ProfileJson.Refusal(json).Message);
    }

    [Fact]
    public void A_chip_without_a_label_falls_back_to_its_number()
    {
        var json = ProfileJson.Traffic();
        json["gpioChip"]!.AsObject().Remove("label");

        Assert.Equal(new GpioChipSpec(null, 0), ProfileJson.Parse(json).GpioChip);
    }
}

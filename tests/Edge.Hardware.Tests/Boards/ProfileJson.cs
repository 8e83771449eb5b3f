using System.Text.Json.Nodes;
using Edge.Hardware.Boards;

namespace Edge.Hardware.Tests.Boards;

/// <summary>A valid custom profile as a JSON tree, for tests to break one field at a time.</summary>
internal static class ProfileJson
{
    public static JsonObject Traffic() => JsonNode.Parse("""
        {
          "name": "test-board",
          "displayName": "Test board",
          "modelPrefixes": ["Test Board"],
          "gpioChip": { "label": "pinctrl-test", "number": 0 },
          "usablePins": [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27],
          "reservedPins": [
            { "pin": 0, "reason": "HAT ID EEPROM data" },
            { "pin": 1, "reason": "HAT ID EEPROM clock" },
            { "pin": 14, "reason": "UART TXD, serial console" },
            { "pin": 15, "reason": "UART RXD, serial console" }
          ],
          "leds": {
            "kind": "traffic",
            "green": { "pin": 17, "activeLow": false },
            "amber": { "pin": 27, "activeLow": false },
            "red": { "pin": 22, "activeLow": false }
          },
          "button": { "pin": 23, "activeLow": true, "pull": "up" },
          "buzzer": { "pin": 24, "activeLow": false }
        }
        """)!.AsObject();

    public static JsonObject Rgb()
    {
        var json = Traffic();
        json["leds"] = JsonNode.Parse("""
            {
              "kind": "rgb",
              "red": { "pin": 22, "activeLow": true },
              "green": { "pin": 17, "activeLow": true },
              "blue": { "pin": 27, "activeLow": true }
            }
            """);
        return json;
    }

    public static BoardProfile Parse(JsonObject json) => BoardProfiles.Parse(json.ToJsonString(), "test.json");

    public static BoardProfileException Refusal(JsonObject json) => Assert.Throws<BoardProfileException>(() => Parse(json));

    public static BoardProfileException Refusal(string text) => Assert.Throws<BoardProfileException>(() => BoardProfiles.Parse(text, "test.json"));
}

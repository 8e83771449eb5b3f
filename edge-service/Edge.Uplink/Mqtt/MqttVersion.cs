using MQTTnet.Formatter;

namespace Edge.Uplink.Mqtt;

/// <summary>The protocol setting: <c>5</c> or <c>3.1.1</c>.</summary>
public static class MqttVersion
{
    public static bool TryParse(string? text, out MqttProtocolVersion version)
    {
        switch (text?.Trim())
        {
            case "5" or "5.0" or "5.0.0" or "" or null:
                version = MqttProtocolVersion.V500;
                return true;
            case "3.1.1" or "3":
                version = MqttProtocolVersion.V311;
                return true;
            default:
                version = MqttProtocolVersion.Unknown;
                return false;
        }
    }
}
